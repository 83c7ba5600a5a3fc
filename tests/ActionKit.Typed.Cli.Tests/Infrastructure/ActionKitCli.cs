using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ActionKit.Typed.Cli.Tests.Infrastructure;

/// <summary>The outcome of one in-process run of the command line.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs <c>dotnet actionkit</c> in-process through its entry point, with a private environment.</summary>
public static class ActionKitCli
{
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = await CliApp.RunAsync(args, output, error, name => environment is not null && environment.TryGetValue(name, out var v) ? v : null, TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);
}
