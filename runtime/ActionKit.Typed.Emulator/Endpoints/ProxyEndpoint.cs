using System;
using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;
using ActionKit.Typed.Emulator.Errors;
using ActionKit.Typed.Emulator.Hosting;
using ActionKit.Typed.Emulator.State;

namespace ActionKit.Typed.Emulator.Endpoints;

/// <summary>
/// The Proxy API, <c>{any verb} /projects/{id}/sdk/proxy/{integration}/{path}</c> (also <c>custom/{integrationId}/…</c>,
/// an appended full URL, or <c>X-Paragon-Proxy-Url</c>), in front of a deterministic fake provider:
/// <list type="bullet">
/// <item>by default the provider echoes what it saw — method, integration, path, query, full URL, headers (never
/// <c>Authorization</c>), body — and Paragon wraps it as <c>{"output": …}</c>;</item>
/// <item>in raw mode (<c>X-Paragon-Use-Raw-Response</c>) the provider's body comes unwrapped with its headers;
/// <c>…/files/{size}</c> (or <c>?alt=media</c>) streams a file of <c>size</c> bytes (byte <c>i</c> is <c>i % 251</c>)
/// without buffering;</item>
/// <item><c>…/status/{code}</c> makes the provider answer <c>code</c> with
/// <c>{"error": {"code", "message"}}</c>, passed through with its status.</item>
/// </list>
/// </summary>
/// <remarks>
/// Assumptions where Paragon is silent: provider errors pass through with the provider's status and body (both modes);
/// a full URL that is not https answers 400 "This domain is invalid for the current integration"; raw mode is on for
/// any header value but empty, <c>0</c> and <c>false</c>.
/// </remarks>
internal static class ProxyEndpoint
{
    public const string ProviderRequestIdHeader = "X-Provider-Request-Id";
    private const int ChunkSize = 64 * 1024;

    public static EmulatorResponse Handle(EmulatorState state, EmulatorRequest request)
    {
        var raw = request.Recorded.Path;
        var marker = raw.IndexOf("/sdk/proxy/", StringComparison.Ordinal);
        var rest = marker < 0 ? string.Empty : raw[(marker + "/sdk/proxy/".Length)..];
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var rawQuery = queryStart < 0 ? string.Empty : rest[queryStart..];
        var pathPart = queryStart < 0 ? rest : rest[..queryStart];

        var slash = pathPart.IndexOf('/', StringComparison.Ordinal);
        var first = Uri.UnescapeDataString(slash < 0 ? pathPart : pathPart[..slash]);
        var providerPath = slash < 0 ? string.Empty : pathPart[(slash + 1)..];
        if (first.Length == 0)
        {
            return request.Error(404, EmulatorErrorCodes.NotFound, "The proxy path names no integration.");
        }

        string integrationType;
        string integrationLabel = first;
        if (string.Equals(first, "custom", StringComparison.OrdinalIgnoreCase))
        {
            var next = providerPath.IndexOf('/', StringComparison.Ordinal);
            var customId = Uri.UnescapeDataString(next < 0 ? providerPath : providerPath[..next]);
            providerPath = next < 0 ? string.Empty : providerPath[(next + 1)..];
            var custom = state.Connect.FindByCustomId(customId);
            if (custom is null)
            {
                return request.Error(404, EmulatorErrorCodes.NotFound, $"Custom integration '{customId}' was not found in the project.");
            }

            integrationType = custom.Type;
            integrationLabel = "custom/" + customId;
        }
        else
        {
            integrationType = first;
        }

        string? fullUrl = null;
        if (request.Recorded.Header("X-Paragon-Proxy-Url") is { Length: > 0 } headerUrl)
        {
            if (headerUrl.Contains("://", StringComparison.Ordinal))
            {
                fullUrl = headerUrl;
            }
            else
            {
                var q = headerUrl.IndexOf('?', StringComparison.Ordinal);
                providerPath = (q < 0 ? headerUrl : headerUrl[..q]).TrimStart('/');
                rawQuery = q < 0 ? string.Empty : headerUrl[q..];
            }
        }
        else if (Uri.UnescapeDataString(providerPath).Contains(":/", StringComparison.Ordinal))
        {
            fullUrl = Uri.UnescapeDataString(providerPath) + rawQuery;
        }

        if (fullUrl is not null)
        {
            // Kestrel or a proxy may fold "https://" to "https:/" in a path; restore it before checking.
            if (fullUrl.StartsWith("https:/", StringComparison.OrdinalIgnoreCase) && !fullUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                fullUrl = "https://" + fullUrl["https:/".Length..];
            }

            if (!Uri.TryCreate(fullUrl, UriKind.Absolute, out var target) || target.Scheme != Uri.UriSchemeHttps)
            {
                return request.Error(400, EmulatorErrorCodes.ValidationFailed, "This domain is invalid for the current integration");
            }

            providerPath = target.AbsolutePath.TrimStart('/');
            rawQuery = target.Query;
        }

        // A lenient provider might decode twice: refuse ".." however deeply it is encoded.
        var decoded = providerPath;
        for (var i = 0; i < 4 && Uri.UnescapeDataString(decoded) is var next && next != decoded; i++)
        {
            decoded = next;
        }

        foreach (var segment in decoded.Replace('\\', '/').Split('/'))
        {
            if (segment == "..")
            {
                return request.Error(400, EmulatorErrorCodes.ValidationFailed, "The proxied path may not contain '..'.");
            }
        }

        if (!state.Connections.IsConnected(request.UserId, integrationType, request.CredentialId))
        {
            return request.Error(400, EmulatorErrorCodes.IntegrationNotEnabled, ErrorEnvelope.IntegrationNotEnabledMessage);
        }

        var rawMode = request.Recorded.Header("X-Paragon-Use-Raw-Response") is { Length: > 0 } flag && flag.Trim() is not "0" and not "false";
        var providerRequestId = Convert.ToHexStringLower(SHA256.HashData(request.Recorded.Body)).Substring(0, 16);
        var segments = providerPath.TrimEnd('/').Split('/');

        // The provider refuses: …/status/{code}.
        if (segments.Length >= 2 && segments[^2] == "status" && int.TryParse(segments[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599)
        {
            var error = Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("error");
                w.WriteNumber("code", code);
                w.WriteString("message", $"The provider answered {code}.");
                w.WriteEndObject();
                w.WriteEndObject();
            });
            return EmulatorResponse.Json(code, error).WithHeader(ProviderRequestIdHeader, providerRequestId);
        }

        if (rawMode && IsFile(segments, rawQuery, state, out var size))
        {
            var name = segments[^1].Length == 0 ? "file.bin" : Uri.UnescapeDataString(segments[^1]) + ".bin";
            return EmulatorResponse
                .Stream("application/octet-stream", size, (stream, ct) => WritePatternAsync(size, stream, ct))
                .WithHeader("Content-Disposition", Results.BinaryContent.ContentDisposition(name))
                .WithHeader(ProviderRequestIdHeader, providerRequestId);
        }

        var echo = Write(w =>
        {
            if (!rawMode)
            {
                w.WriteStartObject();
                w.WritePropertyName("output");
            }

            WriteEcho(w, request, integrationLabel, integrationType, providerPath, rawQuery, fullUrl);
            if (!rawMode)
            {
                w.WriteEndObject();
            }
        });
        return EmulatorResponse.Json(200, echo).WithHeader(ProviderRequestIdHeader, providerRequestId);
    }

    /// <summary>Byte <c>i</c> of every emulated file.</summary>
    public static byte PatternByte(long offset) => (byte)(offset % 251);

    private static bool IsFile(string[] segments, string rawQuery, EmulatorState state, out long size)
    {
        size = 0;
        if (segments.Length >= 2 && segments[^2] == "files" && long.TryParse(segments[^1], NumberStyles.None, CultureInfo.InvariantCulture, out size))
        {
            return true;
        }

        if (rawQuery.Contains("alt=media", StringComparison.Ordinal))
        {
            size = Math.Max(0, state.Options.BinaryResultLength);
            return true;
        }

        return false;
    }

    private static async Task WritePatternAsync(long length, System.IO.Stream destination, CancellationToken cancellationToken)
    {
        // One buffer, refilled per chunk: the emulator streams any size without holding it.
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            for (long offset = 0; offset < length; offset += ChunkSize)
            {
                var count = (int)Math.Min(ChunkSize, length - offset);
                for (var i = 0; i < count; i++)
                {
                    buffer[i] = PatternByte(offset + i);
                }

                await destination.WriteAsync(buffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void WriteEcho(Utf8JsonWriter w, EmulatorRequest request, string integrationLabel, string integrationType, string providerPath, string rawQuery, string? fullUrl)
    {
        var recorded = request.Recorded;
        w.WriteStartObject();
        w.WriteString("method", recorded.Method);
        w.WriteString("integration", integrationLabel);
        w.WriteString("integrationType", integrationType);
        w.WriteString("path", providerPath);
        w.WriteString("rawQuery", rawQuery);
        w.WriteStartObject("query");
        foreach (var pair in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            w.WriteString(key, value);
        }

        w.WriteEndObject();
        if (fullUrl is null)
        {
            w.WriteNull("url");
        }
        else
        {
            w.WriteString("url", fullUrl);
        }

        w.WriteStartObject("headers");
        foreach (var header in recorded.Headers)
        {
            if (string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            w.WriteString(header.Key.ToLowerInvariant(), header.Value);
        }

        w.WriteEndObject();
        if (request.CredentialId is null)
        {
            w.WriteNull("credentialId");
        }
        else
        {
            w.WriteString("credentialId", request.CredentialId);
        }

        w.WriteString("userId", request.UserId);
        w.WriteNumber("bodyLength", recorded.Body.Length);
        w.WriteString("bodySha256", Convert.ToHexStringLower(SHA256.HashData(recorded.Body)));
        w.WritePropertyName("body");
        using (var body = request.TryParseBody())
        {
            if (body is null)
            {
                w.WriteNullValue();
            }
            else
            {
                body.RootElement.WriteTo(w);
            }
        }

        w.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
