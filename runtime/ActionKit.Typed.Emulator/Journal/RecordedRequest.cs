using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace ActionKit.Typed.Emulator;

/// <summary>One request as the emulator received it, recorded before any fault, auth check or validation.</summary>
public sealed class RecordedRequest
{
    private string? _bodyText;
    private int _responseStatus;
    private string? _userId;

    internal RecordedRequest(string method, string path, IReadOnlyDictionary<string, string> headers, byte[] body, DateTimeOffset timestamp)
    {
        Method = method;
        Path = path;
        Headers = headers;
        Body = body;
        Timestamp = timestamp;
    }

    /// <summary>The HTTP method, for example <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The path with its query string, for example <c>/projects/p/actions?integrations=slack</c>.</summary>
    public string Path { get; }

    /// <summary>The request headers (names are case-insensitive; repeated headers are joined with <c>", "</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The request body as received (empty when there was none).</summary>
    public byte[] Body { get; }

    /// <summary>The body decoded as UTF-8.</summary>
    public string BodyText => _bodyText ??= Encoding.UTF8.GetString(Body);

    /// <summary>When the emulator received the request.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The status the emulator answered with; null while the request is in flight or when its connection was dropped.</summary>
    public int? ResponseStatus
    {
        get => Volatile.Read(ref _responseStatus) is var status and > 0 ? status : null;
        internal set => Volatile.Write(ref _responseStatus, value ?? 0);
    }

    /// <summary>The Connected User the request acted for (the token's <c>sub</c>); null when it was refused before that was known.</summary>
    public string? UserId
    {
        get => Volatile.Read(ref _userId);
        internal set => Volatile.Write(ref _userId, value);
    }

    /// <summary>The path without its query string.</summary>
    public string PathWithoutQuery => Path.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? Path[..q] : Path;

    /// <summary>The <c>X-Paragon-Credential</c> header, when the request selected a credential.</summary>
    public string? CredentialId => Header("X-Paragon-Credential");

    /// <summary>The <c>Authorization</c> header, when the request had one.</summary>
    public string? Authorization => Header("Authorization");

    /// <summary>The action a Run Action/Run Tool request named (<c>action</c> or <c>tool</c> in a JSON body), else null.</summary>
    public string? ActionName
    {
        get
        {
            if (Body.Length == 0 || !string.Equals(Method, "POST", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(Body);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                foreach (var key in (ReadOnlySpan<string>)["action", "tool"])
                {
                    if (document.RootElement.TryGetProperty(key, out var name) && name.ValueKind == JsonValueKind.String)
                    {
                        return name.GetString();
                    }
                }
            }
            catch (JsonException)
            {
            }

            return null;
        }
    }

    /// <summary>A header's value, or null when the request did not have it.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Parses the body as JSON; the caller disposes the document.</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public JsonDocument BodyJson() => JsonDocument.Parse(Body);

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {Path}";
}
