using ActionKit.Typed.Cli;
using ActionKit.Typed.Cli.Common;

using var cancellation = new System.Threading.CancellationTokenSource();
System.Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await CliApp.RunAsync(args, CliContext.FromConsole(), cancellation.Token).ConfigureAwait(false);
