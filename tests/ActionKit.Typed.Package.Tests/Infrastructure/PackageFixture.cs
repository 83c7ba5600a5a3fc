using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

[assembly: AssemblyFixture(typeof(ActionKit.Typed.Package.Tests.Infrastructure.PackageFixture))]

namespace ActionKit.Typed.Package.Tests.Infrastructure;

/// <summary>
/// Packs runtime/ActionKit.Typed once per test run into a folder feed, with a version no earlier run used, so a
/// package restored by an earlier run can never stand in for the one under test. Consumers are built on demand.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    private readonly Lazy<Task<ConsumerBuild>> _consumers;

    public PackageFixture()
    {
        Version = $"0.1.0-pkgtest.{DateTime.UtcNow:yyyyMMddHHmmss}.r{Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}";
        WorkDirectory = Path.Combine(Path.GetTempPath(), "actionkit-package-tests", Version);
        Feed = Path.Combine(WorkDirectory, "feed");
        _consumers = new Lazy<Task<ConsumerBuild>>(() => ConsumerBuild.RunAsync(this, Consumers.All(), CancellationToken.None));
    }

    /// <summary>The unique prerelease version this run packed.</summary>
    public string Version { get; }

    /// <summary>A temporary folder for the feed and the consumers; removed after the run.</summary>
    public string WorkDirectory { get; }

    /// <summary>The local folder feed the consumers restore from.</summary>
    public string Feed { get; }

    public string PackagePath => Path.Combine(Feed, $"ActionKit.Typed.{Version}.nupkg");

    public ProcessResult Pack { get; private set; } = null!;

    /// <summary>The consumers of <see cref="Consumers.All"/>, built together by one `dotnet build` (started by the first test that asks).</summary>
    public Task<ConsumerBuild> ConsumersBuilt => _consumers.Value;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Pack = await ProcessRunner.DotNetAsync(
            RepoPaths.Root,
            ["pack", RepoPaths.RuntimeProject, "-c", "Release", "-o", Feed, $"-p:PackageVersion={Version}", "-nologo", "-tl:off", "-nodeReuse:false"],
            TimeSpan.FromMinutes(15),
            CancellationToken.None);
    }

    /// <summary>Fails the calling test with the pack output when packing failed.</summary>
    public void EnsurePacked()
    {
        if (Pack.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"Packing ActionKit.Typed failed; nothing to consume.\n{Pack.Describe()}");
        }
    }

    /// <summary>Writes the NuGet.config that lists the local feed; the machine's own sources (nuget.org) stay on.</summary>
    public void WriteNuGetConfig(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="actionkit-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        // Stop MSBuild from importing anything above the temporary folder.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
    }

    public ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("ACTIONKIT_KEEP_PACKAGE_TESTS") is not "1")
        {
            TryDelete(WorkDirectory);
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
                ? custom
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            TryDelete(Path.Combine(packages, "actionkit.typed", Version));
        }

        return ValueTask.CompletedTask;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
