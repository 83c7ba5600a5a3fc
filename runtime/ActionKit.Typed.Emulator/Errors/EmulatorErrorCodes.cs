namespace ActionKit.Typed.Emulator;

/// <summary>
/// The <c>code</c> values the emulator puts in its error bodies.
/// </summary>
/// <remarks>
/// Assumption: Paragon documents the error envelope (<c>message</c>, string <c>code</c>, <c>status</c>,
/// <c>meta.requestId</c>) but neither its codes nor the statuses of most ActionKit errors. These codes are the
/// emulator's own, readable on purpose so nobody mistakes them for Paragon's numeric ones; clients should key on
/// the HTTP status and the message, as Paragon's own SDKs do (for example "Integration not enabled for user.").
/// </remarks>
public static class EmulatorErrorCodes
{
    /// <summary>The action (or tool) name is not in the catalog (404).</summary>
    public const string ActionNotFound = "ACTION_NOT_FOUND";

    /// <summary>The body or the parameters do not satisfy the action's schema (400).</summary>
    public const string ValidationFailed = "VALIDATION_FAILED";

    /// <summary>The user has not connected the action's integration, or not with the selected credential (400).</summary>
    public const string IntegrationNotEnabled = "INTEGRATION_NOT_ENABLED";

    /// <summary>The bearer token is missing, malformed, wrongly signed or expired (401).</summary>
    public const string Unauthorized = "UNAUTHORIZED";

    /// <summary>No endpoint, or another project's path (404).</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The endpoint exists but not for this HTTP method (405).</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>The request body is over ActionKit's documented 10 MB limit (413).</summary>
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";

    /// <summary>A Proxy API call whose (scripted) provider response was an error; <c>meta.isIntegrationError</c> is true.</summary>
    public const string IntegrationError = "INTEGRATION_ERROR";

    /// <summary>An injected 429 fault.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>An injected 5xx fault, or an unexpected emulator failure (500).</summary>
    public const string ServerError = "SERVER_ERROR";
}
