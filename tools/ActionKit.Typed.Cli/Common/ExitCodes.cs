namespace ActionKit.Typed.Cli.Common;

/// <summary>Exit codes shared by every command, so scripts and CI can gate on them.</summary>
public static class ExitCodes
{
    /// <summary>Done; for <c>diff</c>: the schemas are the same.</summary>
    public const int Success = 0;

    /// <summary>Done, with something to look at: <c>diff</c> found only compatible changes, <c>validate</c> found
    /// errors, <c>generate</c> reported error diagnostics, <c>pull</c> wrote files but ActionKit listed errors.</summary>
    public const int Changes = 1;

    /// <summary><c>diff</c> found at least one breaking change.</summary>
    public const int Breaking = 2;

    /// <summary>The command could not do its job (unreadable input, rejected token, unreachable endpoint, malformed
    /// response); nothing was written.</summary>
    public const int Failure = 3;

    /// <summary>The command line itself is wrong (unknown option, missing argument).</summary>
    public const int Usage = 64;
}
