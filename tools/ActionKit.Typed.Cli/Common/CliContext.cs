using System;
using System.Collections.Generic;
using System.IO;

namespace ActionKit.Typed.Cli.Common;

/// <summary>
/// What a command may touch besides its arguments: where to write, environment variables, and whether a person
/// watches the terminal (then long operations show progress on the error stream).
/// </summary>
public sealed class CliContext
{
    /// <summary>Creates a context.</summary>
    public CliContext(TextWriter output, TextWriter error, Func<string, string?>? environment = null, bool interactive = false)
    {
        Output = output ?? throw new ArgumentNullException(nameof(output));
        Error = error ?? throw new ArgumentNullException(nameof(error));
        Environment = environment ?? (_ => null);
        Interactive = interactive;
    }

    /// <summary>Results: reports, summaries.</summary>
    public TextWriter Output { get; }

    /// <summary>Errors, warnings and progress.</summary>
    public TextWriter Error { get; }

    /// <summary>Reads an environment variable; null when unset.</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>True when the error stream is a terminal: progress is drawn there.</summary>
    public bool Interactive { get; }

    /// <summary>The process's own streams and environment.</summary>
    public static CliContext FromConsole() => new(
        Console.Out,
        Console.Error,
        static name => System.Environment.GetEnvironmentVariable(name),
        interactive: !Console.IsErrorRedirected);

    /// <summary>Writes an error line.</summary>
    public void WriteError(string message) => Error.WriteLine($"error: {message}");

    /// <summary>Writes a warning line.</summary>
    public void WriteWarning(string message) => Error.WriteLine($"warning: {message}");

    /// <summary>An environment variable with a value, or null.</summary>
    public string? Variable(string name) => Environment(name) is { Length: > 0 } value ? value : null;
}
