using System;
using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;
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
/// </remarks>
internal static class ProxyEndpoint
{
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
        if (!isFullUrl && target.Split('/', '\\').Any(segment => segment is ".." or "."))
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
                else if (request.Recorded.Body.Length > 0)
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

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
