namespace ActionKit.Typed.Cli.Validate;

/// <summary>A problem found by <c>validate</c>, located in a file (1-based line and column; 0 when unknown).</summary>
internal sealed record Problem(string Path, int Line, int Column, bool IsError, string Code, string Message)
{
    public override string ToString() => Line > 0
        ? Common.Diagnostics.Format(Path, Line, Column, IsError ? "error" : "warning", Code, Message)
        : $"{Common.SchemaFiles.Display(Path)}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}

/// <summary>Codes of the problems <c>validate</c> finds itself; the generator's own are AKT0xxx.</summary>
internal static class ProblemCodes
{
    /// <summary>A schema breaks the JSON Schema (draft-07) meta-schema.</summary>
    public const string InvalidSchema = "AKC001";

    /// <summary>A schema cannot be loaded (for example a <c>$ref</c> that resolves nowhere).</summary>
    public const string UnloadableSchema = "AKC002";

    /// <summary>An annotation has a key the format does not define.</summary>
    public const string UnknownAnnotationKey = "AKC003";

    /// <summary>A payload does not match the action's parameters.</summary>
    public const string InvalidPayload = "AKC010";

    /// <summary>A payload file is not valid JSON.</summary>
    public const string PayloadNotJson = "AKC011";
}
