namespace ActionKit.Typed;

/// <summary>What went wrong with an ActionKit call, so callers can branch without parsing messages.</summary>
public enum ActionKitErrorKind
{
    /// <summary>None of the kinds below.</summary>
    Unknown = 0,

    /// <summary>The user has not connected the action's integration ("Integration not enabled for user.").</summary>
    NotConnected,

    /// <summary>The token was missing, invalid, expired, or lacks a permission (401/403).</summary>
    Unauthorized,

    /// <summary>Too many requests (429); see <see cref="ActionKitException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The parameters were rejected (400/422).</summary>
    Validation,

    /// <summary>The action or resource does not exist (404).</summary>
    NotFound,

    /// <summary>ActionKit or the provider failed (5xx).</summary>
    Server,

    /// <summary>A success response whose body could not be read as the action's result.</summary>
    InvalidResponse,

    /// <summary>The connection failed or dropped before a response arrived.</summary>
    Transport,

    /// <summary>No response arrived within the network timeout.</summary>
    Timeout,
}
