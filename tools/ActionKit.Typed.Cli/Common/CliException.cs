using System;

namespace ActionKit.Typed.Cli.Common;

/// <summary>A failure explained to the user: its message is printed as is, without a stack trace.</summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the exception with the message to print.</summary>
    public CliException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
