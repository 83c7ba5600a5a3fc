using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ActionKit.Typed.Cli.Common;

namespace ActionKit.Typed.Cli;

/// <summary>The <c>dotnet actionkit</c> command line: pull, diff, validate and generate.</summary>
public static class CliApp
{
    /// <summary>Runs the command line with the given streams and environment; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string, string?>? environment = null, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliContext(output, error, environment), cancellationToken);

    /// <summary>Runs the command line in a context; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var root = CreateRootCommand(context);
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var parseError in parse.Errors)
            {
                context.WriteError(parseError.Message);
            }

            context.Error.WriteLine($"Run 'dotnet actionkit {(parse.CommandResult.Command == root ? string.Empty : parse.CommandResult.Command.Name + " ")}--help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await context.Output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await context.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The command tree; every command has <c>--help</c>.</summary>
    public static Command CreateRootCommand(CliContext context)
    {
        // Named after the tool command, not the assembly, so usage lines read "actionkit diff …".
        var root = new Command("actionkit", "dotnet actionkit: pull ActionKit schemas from a Paragon project, see what changed, validate them, and inspect the C# that ActionKit.Typed generates from them.")
        {
            Pull.PullCommand.Create(context),
            Diff.DiffCommand.Create(context),
            Validate.ValidateCommand.Create(context),
            Generate.GenerateCommand.Create(context),
        };
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        return root;
    }

    /// <summary>Runs a command body; a <see cref="CliException"/> becomes its message and <see cref="ExitCodes.Failure"/>.</summary>
    internal static async Task<int> Guard(CliContext context, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            context.WriteError(ex.Message);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            context.WriteError("Cancelled; nothing was written.");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.WriteError(ex.Message);
            return ExitCodes.Failure;
        }
    }

    internal static Task<int> Guard(CliContext context, Func<int> body) => Guard(context, () => Task.FromResult(body()));
}
