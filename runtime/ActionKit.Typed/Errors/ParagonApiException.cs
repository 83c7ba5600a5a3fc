using System;
using System.ClientModel.Primitives;

namespace ActionKit.Typed;

/// <summary>
/// A Proxy or Connect call failed. Everything <see cref="ActionKitException"/> carries (status, <see cref="ActionKitException.Kind"/>,
/// code, message, request id, the raw body) plus the call: the API, the HTTP method and the path. For proxy calls the
/// status and body are the provider's as Paragon passed them on. Never carries the user token.
/// </summary>
public class ParagonApiException : ActionKitException
{
    /// <summary>Creates the exception; the SDK fills the other properties, and tests may set them to simulate failures.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="kind">What went wrong.</param>
    /// <param name="api">The API called.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path called, relative to the project (for example <c>sdk/proxy/slack/chat.postMessage</c>).</param>
    /// <param name="response">The HTTP response, when there was one.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public ParagonApiException(string message, ActionKitErrorKind kind, ParagonApi api, string method, string path, PipelineResponse? response = null, Exception? innerException = null)
        : base(message, kind, response, innerException)
    {
        Api = api;
        Method = method ?? string.Empty;
        Path = path ?? string.Empty;
    }

    /// <summary>The API the call went to.</summary>
    public ParagonApi Api { get; }

    /// <summary>The HTTP method, for example <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>The path called, relative to <c>/projects/{id}/</c>, without the query string.</summary>
    public string Path { get; }

    /// <summary>
    /// Whether Paragon marked the failure as the integration's own (<c>meta.isIntegrationError</c>): the provider refused
    /// the request, rather than Paragon.
    /// </summary>
    public bool IsIntegrationError { get; init; }
}
