using System;
using System.Buffers;
using System.Linq;
using System.Text.Json;
using ActionKit.Typed.Emulator.Catalog;
using ActionKit.Typed.Emulator.Errors;
using ActionKit.Typed.Emulator.Hosting;
using ActionKit.Typed.Emulator.Results;

namespace ActionKit.Typed.Emulator.Endpoints;

/// <summary>
/// <c>POST /projects/{id}/actions</c> (<c>{"action", "parameters"}</c>) and <c>POST /projects/{id}/tools</c>
/// (<c>{"tool", "parameters"}</c>): checks the call like ActionKit would, then answers with a scripted result, a
/// result synthesized from the action's annotated result schema, a byte stream, or a small generic echo.
/// </summary>
/// <remarks>
/// Statuses are assumptions (Paragon documents only the error body and the 500/400 cases): unknown action → 404,
/// invalid body or missing parameters → 400, integration not connected → 400 with "Integration not enabled for user.".
/// </remarks>
internal static class RunActionEndpoint
{
    public static EmulatorResponse Handle(EmulatorState state, EmulatorRequest request)
    {
        using var document = request.TryParseBody();
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return request.Error(400, EmulatorErrorCodes.ValidationFailed, "The request body must be a JSON object.");
        }

        var body = document.RootElement;

        // /tools takes "tool"; "action" stays accepted there, as ActionKit keeps the old name working.
        var nameKey = request.Route.Kind == RouteKind.Tools ? "tool" : "action";
        if (!TryGetName(body, nameKey, out var name)
            && !(request.Route.Kind == RouteKind.Tools && TryGetName(body, "action", out name)))
        {
            return request.Error(400, EmulatorErrorCodes.ValidationFailed, $"\"{nameKey}\" is required and must be a string.");
        }

        if (!state.Catalog.TryGet(name, out var action))
        {
            return request.Error(404, EmulatorErrorCodes.ActionNotFound, $"Action \"{name}\" was not found.");
        }

        if (!body.TryGetProperty("parameters", out var parameters) || parameters.ValueKind == JsonValueKind.Null)
        {
            return request.Error(400, EmulatorErrorCodes.ValidationFailed, "\"parameters\" is required (send {} for an action without inputs).");
        }

        if (parameters.ValueKind != JsonValueKind.Object)
        {
            return request.Error(400, EmulatorErrorCodes.ValidationFailed, "\"parameters\" must be a JSON object.");
        }

        if (!state.Connections.IsConnected(request.UserId, action.Integration, request.CredentialId))
        {
            return request.Error(400, EmulatorErrorCodes.IntegrationNotEnabled, ErrorEnvelope.IntegrationNotEnabledMessage);
        }

        var missing = action.Required.Where(r => !parameters.TryGetProperty(r, out var value) || value.ValueKind == JsonValueKind.Null).ToArray();
        if (missing.Length > 0)
        {
            var list = string.Join(", ", missing.Select(m => $"\"{m}\""));
            return request.Error(400, EmulatorErrorCodes.ValidationFailed, $"Missing required parameter{(missing.Length == 1 ? string.Empty : "s")} for {action.Name}: {list}.");
        }

        if (state.Results.Get(action.Name) is { } scripted)
        {
            var response = EmulatorResponse.Bytes(scripted.Status, scripted.ContentType, scripted.Body);
            return scripted.FileName is null ? response : response.WithHeader("Content-Disposition", BinaryContent.ContentDisposition(scripted.FileName));
        }

        var seed = CanonicalJson.Seed(action.Name, parameters);
        if (action.Annotation is { IsBinary: true })
        {
            var length = Math.Max(0, state.Options.BinaryResultLength);
            return EmulatorResponse
                .Stream(BinaryContent.ContentType(parameters), length, (stream, ct) => BinaryContent.WriteAsync(seed, length, stream, ct))
                .WithHeader("Content-Disposition", BinaryContent.ContentDisposition(BinaryContent.FileName(action.Name, parameters)));
        }

        if (action.Annotation is { Result: { } pagedSchema, Pagination: { } pagination }
            && !string.Equals(pagination.Style, "none", StringComparison.OrdinalIgnoreCase))
        {
            var page = PagedResult.TryCreate(action, pagination, pagedSchema, parameters, state.Pagination.For(action.Name), out var pageError);
            return page is null
                ? request.Error(400, EmulatorErrorCodes.ValidationFailed, pageError!)
                : EmulatorResponse.Json(200, page);
        }

        if (action.Annotation?.Result is { } schema)
        {
            return EmulatorResponse.Json(200, ResultSynthesizer.Synthesize(schema, seed, parameters));
        }

        return EmulatorResponse.Json(200, GenericResult(action, parameters));
    }

    private static bool TryGetName(JsonElement body, string key, out string name)
    {
        name = string.Empty;
        if (body.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            name = value.GetString()!;
            return true;
        }

        return false;
    }

    /// <summary>For actions without a result annotation: <c>{"ok": true, "action", "integration", "parameters"}</c>.</summary>
    private static byte[] GenericResult(EmulatedAction action, JsonElement parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("ok", true);
            writer.WriteString("action", action.Name);
            writer.WriteString("integration", action.Integration);
            writer.WritePropertyName("parameters");
            parameters.WriteTo(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
