using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ActionKit.Typed.Package.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Package.Tests;

/// <summary>
/// The QuickStart, which embeds the emulator (Kestrel) and uses the client, the generated code and pagination,
/// publishes with Native AOT without one trimming or AOT warning, and the native binary runs the whole tour.
/// </summary>
public sealed class SampleAotTests
{
    [Fact]
    public async Task QuickStart_publishes_with_Native_AOT_without_warnings_and_the_native_binary_runs_it()
    {
        var output = Path.Combine(Path.GetTempPath(), "actionkit-quickstart-aot-" + Guid.NewGuid().ToString("N"));
        var project = Path.Combine(RepoPaths.Root, "samples", "QuickStart", "QuickStart.csproj");
        try
        {
            var publish = await ProcessRunner.DotNetAsync(
                RepoPaths.Root,
                ["publish", project, "-c", "Release", "-r", NativeTarget.RuntimeIdentifier, "-p:PublishAot=true", "-o", output, "-nologo", "-tl:off", "-nodeReuse:false"],
                TimeSpan.FromMinutes(30),
                TestContext.Current.CancellationToken);

            var diagnostics = BuildDiagnostics.Parse(publish.Output);
            diagnostics.Where(d => d.Code.StartsWith("IL2", StringComparison.Ordinal) || d.Code.StartsWith("IL3", StringComparison.Ordinal)).ShouldBeEmpty(publish.Describe());
            diagnostics.ShouldBeEmpty(publish.Describe());
            publish.ExitCode.ShouldBe(0, publish.Describe());

            var binary = NativeTarget.Executable(output, "QuickStart");
            File.Exists(Path.Combine(output, "QuickStart.dll")).ShouldBeFalse("a native binary, not an IL assembly");
            var run = await ProcessRunner.RunAsync(binary, [], output, TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
            TestContext.Current.TestOutputHelper?.WriteLine(run.Output);
            run.ExitCode.ShouldBe(0, run.Describe());
            run.Output.ShouldContain("SLACK_SEND_MESSAGE → ok=", customMessage: run.Describe());
            run.Output.ShouldContain("Done: the emulator received", customMessage: run.Describe());
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
