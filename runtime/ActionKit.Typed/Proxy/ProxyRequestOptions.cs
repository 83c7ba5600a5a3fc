using System;
using System.Collections.Generic;

namespace ActionKit.Typed;

/// <summary>How a full-URL override (a path that is an absolute <c>https://</c> URL) is sent to the Proxy API.</summary>
public enum ProxyFullUrlForm
{
    /// <summary>
    /// The URL goes in the <c>X-Paragon-Proxy-Url</c> header and nothing is appended to <c>…/sdk/proxy/{integration}</c>
    /// (the default: the URL travels untouched by path normalization; Paragon's own MCP server uses this form).
    /// </summary>
    Header = 0,

    /// <summary>The URL is appended to the base: <c>…/sdk/proxy/{integration}/https://host/path</c> (the form in Paragon's Proxy API guide).</summary>
    Appended,
}

/// <summary>Settings for one Proxy API call.</summary>
public sealed class ProxyRequestOptions
{
    /// <summary>
    /// The connected account to act in (Multi-Account Authorization), sent as <c>X-Paragon-Credential</c>; overrides
    /// the client's credential.
    /// </summary>
    public string? CredentialId { get; set; }

    /// <summary>
    /// Lets the SDK send a non-read verb (anything but GET, HEAD and OPTIONS) again after a server error, timeout or
    /// dropped connection. Only set it when the provider call is idempotent. Null: the client's setting. A 429 is
    /// always retried, whatever the verb.
    /// </summary>
    public bool? RetryWrites { get; set; }

    /// <summary>How a full-URL path is sent (default <see cref="ProxyFullUrlForm.Header"/>).</summary>
    public ProxyFullUrlForm FullUrlForm { get; set; }

    /// <summary>
    /// Extra request headers (for example <c>X-Paragon-Use-Slack-Token-Type: user</c>, or <c>Accept</c> for a provider
    /// that picks the format by it). Values may not contain CR or LF; <c>Authorization</c>, <c>Content-Type</c> (use
    /// <see cref="ParagonProxyClient.UploadAsync"/>) and the headers the SDK sets itself are refused.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
