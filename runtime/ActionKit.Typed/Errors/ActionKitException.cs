using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace ActionKit.Typed;

/// <summary>
/// An ActionKit call failed. Carries the HTTP status, Paragon's error <see cref="Code"/>, the parsed
/// <see cref="ErrorMessage"/>, <see cref="RequestId"/> (for Task History), the action, and the raw body.
/// Never carries the user token.
/// </summary>
public class ActionKitException : ClientResultException
{
    /// <summary>Creates the exception; the SDK fills the other properties, and tests may set them to simulate failures.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="kind">What went wrong.</param>
    /// <param name="response">The HTTP response, when there was one.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public ActionKitException(string message, ActionKitErrorKind kind, PipelineResponse? response = null, Exception? innerException = null)
        : base(message, response, innerException)
    {
        Kind = kind;
    }

    /// <summary>What went wrong.</summary>
    public ActionKitErrorKind Kind { get; }

    /// <summary>Paragon's error code (a string such as <c>"41070"</c>), when the body had one.</summary>
    public string? Code { get; init; }

    /// <summary>The error message; when Paragon's <c>message</c> is itself JSON, its inner <c>message</c>.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The inner <c>details</c> of a JSON-encoded message (for example the provider's error and code), when present.</summary>
    public JsonElement? ErrorDetails { get; init; }

    /// <summary><c>meta.requestId</c>: find the run in ActionKit's Task History by it.</summary>
    public string? RequestId { get; init; }

    /// <summary>The action that was run.</summary>
    public string? ActionName { get; init; }

    /// <summary>The action's integration, when known.</summary>
    public string? Integration { get; init; }

    /// <summary>The response body exactly as received (also for bodies that are not JSON, truncated or empty).</summary>
    public BinaryData? RawBody { get; init; }

    /// <summary>How long the server asked to wait (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>How many times the SDK retried before giving up.</summary>
    public int RetryCount { get; init; }
}
