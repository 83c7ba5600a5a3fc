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
    /// <param name="path">What was called: for the Proxy API the integration and provider path (<c>slack/chat.postMessage</c>), for Connect the path under the project (<c>sdk/credentials</c>).</param>
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

    /// <summary>
    /// What was called, without the query string: for the Proxy API the integration and provider path
    /// (<c>slack/chat.postMessage</c>; <c>googledrive → https://host/path</c> for a full-URL override), for Connect the
    /// path under <c>/projects/{id}/</c> (<c>sdk/credentials/{id}</c>).
    /// </summary>
    public string Path { get; }

    /// <summary>
    /// Whether Paragon marked the failure as the integration's own (<c>meta.isIntegrationError</c>): the provider refused
    /// the request, rather than Paragon.
    /// </summary>
    public bool IsIntegrationError { get; init; }
}
