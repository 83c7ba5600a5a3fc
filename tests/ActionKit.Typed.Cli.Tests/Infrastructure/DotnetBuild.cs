using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace ActionKit.Typed.Cli.Tests.Infrastructure;

/// <summary>
/// Builds a project with the dotnet CLI, as a user's build would. The repository's projects it references are
/// not rebuilt (they were built with this test assembly, in its configuration), so a test build never writes
/// into their output while other test assemblies run.
/// </summary>
public static class DotnetBuild
{
    private static string Configuration { get; } =
        typeof(DotnetBuild).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false) is [System.Reflection.AssemblyConfigurationAttribute { Configuration: { Length: > 0 } name }] ? name : "Debug";

    public static async Task<(int ExitCode, string Output)> BuildAsync(string project, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "build", project, "-nologo", "-v:q", "-clp:NoSummary", "-nodeReuse:false", "-c", Configuration, "-p:BuildProjectReferences=false" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(timeout)) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build {project} did not finish within {timeout}.\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
