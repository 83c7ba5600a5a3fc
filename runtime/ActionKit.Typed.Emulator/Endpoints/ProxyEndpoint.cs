using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator.Errors;
using ActionKit.Typed.Emulator.Hosting;
using ActionKit.Typed.Emulator.State;

namespace ActionKit.Typed.Emulator.Endpoints;

/// <summary>
/// <c>{METHOD} /projects/{id}/sdk/proxy/{integration}/{path}</c>: the Proxy API. There is no provider behind it, so
/// it answers with a scripted provider response, or else an echo of what it would have forwarded. JSON answers
/// are wrapped as <c>{"output": …}</c> unless <c>X-Paragon-Use-Raw-Response</c> asks for the raw body.
/// </summary>
/// <remarks>
/// Custom integrations come as <c>custom.&lt;slug&gt;</c> or <c>custom/&lt;integrationId&gt;</c>. The provider URL can be a
/// full URL after the integration or the <c>X-Paragon-Proxy-Url</c> header. A scripted provider error (status 400
/// or more) is answered, when not raw, with the error body and <c>meta.isIntegrationError</c> (an assumption drawn from
/// Paragon's SDK, which looks for that flag).
/// <para>Without a script, the provider is deterministic: <c>…/status/{code}</c> (400–599) fails with that status and
/// <c>{"error": {"code", "message"}}</c>; in raw mode <c>…/files/{size}</c> (or <c>?alt=media</c>, of
/// <see cref="ActionKitEmulatorOptions.BinaryResultLength"/> bytes) streams a file whose byte <c>i</c> is
/// <c>i % 251</c>, written in chunks and never held whole; anything else is echoed. A full URL that is not https
/// answers 400 "This domain is invalid for the current integration" (Paragon's wording for hosts it will not proxy to).</para>
/// </remarks>
internal static class ProxyEndpoint
{
    private const int ChunkSize = 64 * 1024;
    private const int MaxEchoedTextBody = 64 * 1024;

    public static EmulatorResponse Handle(EmulatorState state, EmulatorRequest request)
    {
        var rest = request.Route.Rest;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var integration = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? string.Empty : rest[slash..];
        if (string.Equals(integration, "custom", StringComparison.OrdinalIgnoreCase))
        {
            var idEnd = path.IndexOf('/', 1);
            var id = idEnd < 0 ? path.TrimStart('/') : path[1..idEnd];
            integration = $"custom/{id}";
            path = idEnd < 0 ? string.Empty : path[idEnd..];
        }

        if (integration.Length == 0 || integration == "custom/")
        {
            return request.Error(404, EmulatorErrorCodes.NotFound, "The Proxy API path needs an integration: /sdk/proxy/{integration}/{path}.");
        }

        var overrideUrl = request.Recorded.Header("X-Paragon-Proxy-Url");
        var target = overrideUrl ?? path;
        var isFullUrl = target.TrimStart('/').StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || target.TrimStart('/').StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (isFullUrl && !target.TrimStart('/').StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return request.Error(400, EmulatorErrorCodes.ValidationFailed, "This domain is invalid for the current integration");
        }

        if (!isFullUrl && FullyDecoded(target).Split('/', '\\').Any(segment => segment is ".." or "."))
        {
            return request.Error(400, EmulatorErrorCodes.ValidationFailed, "The proxied path must not contain '.' or '..' segments.");
        }

        if (!state.Connections.IsConnected(request.UserId, integration, request.CredentialId))
        {
            return request.Error(400, EmulatorErrorCodes.IntegrationNotEnabled, ErrorEnvelope.IntegrationNotEnabledMessage);
        }

        var raw = request.Recorded.Header("X-Paragon-Use-Raw-Response") is { } rawHeader
            && (rawHeader.Trim() == "1" || rawHeader.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
        var scripted = state.Proxy.Get(integration, isFullUrl ? target.TrimStart('/') : target);
        if (scripted is not null)
        {
            return FromScript(request, scripted, raw, integration);
        }

        var providerPath = isFullUrl ? string.Empty : target.Split('?')[0].TrimEnd('/');
        var segments = providerPath.Split('/');
        if (segments.Length >= 2 && segments[^2] == "status" && int.TryParse(segments[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599)
        {
            var error = Encoding.UTF8.GetBytes("{\"error\":{\"code\":" + code.ToString(CultureInfo.InvariantCulture) + ",\"message\":\"The provider answered " + code.ToString(CultureInfo.InvariantCulture) + ".\"}}");
            return FromScript(request, new ScriptedResult(code, error, EmulatorResponse.JsonContentType), raw, integration);
        }

        if (raw && IsFile(segments, request, state, out var size))
        {
            var name = segments[^1].Length == 0 ? "file.bin" : segments[^1] + ".bin";
            return EmulatorResponse
                .Stream("application/octet-stream", size, (stream, ct) => WritePatternAsync(size, stream, ct))
                .WithHeader("Content-Disposition", Results.BinaryContent.ContentDisposition(name))
                .WithHeader("X-Emulator-Proxied", integration);
        }

        var echo = Echo(request, integration, isFullUrl ? target.TrimStart('/') : target, isFullUrl);
        return EmulatorResponse.Json(200, raw ? echo : Wrap(echo)).WithHeader("X-Emulator-Proxied", integration);
    }

    private static EmulatorResponse FromScript(EmulatorRequest request, ScriptedResult scripted, bool raw, string integration)
    {
        if (raw)
        {
            var response = EmulatorResponse.Bytes(scripted.Status, scripted.ContentType, scripted.Body).WithHeader("X-Emulator-Proxied", integration);
            return scripted.FileName is null ? response : response.WithHeader("Content-Disposition", Results.BinaryContent.ContentDisposition(scripted.FileName));
        }

        if (scripted.Status >= 400)
        {
            return EmulatorResponse.Error(scripted.Status, EmulatorErrorCodes.IntegrationError, Encoding.UTF8.GetString(scripted.Body), request.RequestId, integrationError: true);
        }

        return scripted.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            ? EmulatorResponse.Json(scripted.Status, Wrap(scripted.Body))
            : EmulatorResponse.Bytes(scripted.Status, scripted.ContentType, scripted.Body);
    }

    /// <summary>Byte <c>i</c> of every emulated file.</summary>
    public static byte PatternByte(long offset) => (byte)(offset % 251);

    /// <summary>Percent-decodes until stable, so a double-encoded <c>%252e%252e</c> is seen as <c>..</c> (as a lenient provider might).</summary>
    private static string FullyDecoded(string path)
    {
        var decoded = path;
        for (var i = 0; i < 4 && Uri.UnescapeDataString(decoded) is var next && next != decoded; i++)
        {
            decoded = next;
        }

        return decoded;
    }

    private static bool IsFile(string[] segments, EmulatorRequest request, EmulatorState state, out long size)
    {
        size = 0;
        if (segments.Length >= 2 && segments[^2] == "files" && long.TryParse(segments[^1], NumberStyles.None, CultureInfo.InvariantCulture, out size))
        {
            return true;
        }

        if (string.Equals(request.Query("alt"), "media", StringComparison.Ordinal))
        {
            size = Math.Max(0, state.Options.BinaryResultLength);
            return true;
        }

        return false;
    }

    private static async Task WritePatternAsync(long length, Stream destination, CancellationToken cancellationToken)
    {
        // One pooled buffer, refilled per chunk: any size streams without being held.
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

    private static byte[] Wrap(ReadOnlySpan<byte> json)
    {
        var buffer = new ArrayBufferWriter<byte>(json.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("output");
            writer.WriteRawValue(json, skipInputValidation: false);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>What the emulator would have sent to the provider.</summary>
    private static byte[] Echo(EmulatorRequest request, string integration, string target, bool isFullUrl)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            writer.WriteStartObject();
            writer.WriteString("integration", integration);
            writer.WriteString("method", request.Method);
            if (isFullUrl)
            {
                writer.WriteString("url", target);
            }
            else
            {
                writer.WriteString("path", target.Length == 0 ? "/" : target);
            }

            writer.WriteStartObject("query");
            foreach (var pair in request.Http.Request.Query)
            {
                writer.WriteString(pair.Key, pair.Value.ToString());
            }

            writer.WriteEndObject();
            writer.WritePropertyName("body");
            using (var body = request.TryParseBody())
            {
                if (body is not null)
                {
                    body.RootElement.WriteTo(writer);
                }
                else if (request.Recorded.Body.Length is > 0 and <= MaxEchoedTextBody)
                {
                    writer.WriteStringValue(request.Recorded.BodyText);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            if (request.CredentialId is { } credential)
            {
                writer.WriteString("credentialId", credential);
            }

            writer.WriteString("userId", request.UserId);
            writer.WriteNumber("bodyLength", request.Recorded.Body.Length);
            writer.WriteString("bodySha256", Convert.ToHexStringLower(SHA256.HashData(request.Recorded.Body)));
            writer.WriteStartObject("headers");
            foreach (var header in request.Recorded.Headers)
            {
                // What the provider would see: never Paragon's bearer token.
                if (!string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    writer.WriteString(header.Key.ToLowerInvariant(), header.Value);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
