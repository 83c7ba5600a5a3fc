using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ActionKit.Typed.Emulator.Hosting;

using ActionKit.Typed.Emulator.Errors;

namespace ActionKit.Typed.Emulator.Endpoints;

/// <summary>
/// <c>GET /projects/{id}/actions</c> and <c>GET /projects/{id}/tools</c>: the catalog as
/// <c>{"actions"|"tools": {integration: [tool…]}, "errors": []}</c>, tools written back exactly as read.
/// </summary>
internal static class ListActionsEndpoint
{
    public static EmulatorResponse Handle(EmulatorState state, EmulatorRequest request)
    {
        var format = request.Query("format");
        if (!string.IsNullOrEmpty(format) && !string.Equals(format, "json_schema", StringComparison.Ordinal))
        {
            // Assumption: the emulator only has json_schema tools; the paragon format's shape is not documented verbatim.
            return request.Error(400, EmulatorErrorCodes.ValidationFailed, $"format '{format}' is not supported by the emulator; use json_schema.");
        }

        var integrations = SplitList(request.Query("integrations"));

        // limit_to_available defaults to true: only integrations the user has connected.
        var limitToAvailable = !string.Equals(request.Query("limit_to_available"), "false", StringComparison.OrdinalIgnoreCase);

        // categories and reload_fields are accepted and ignored: the catalog has no categories and no per-user custom fields.
        var groupKey = request.Route.Kind == RouteKind.Tools ? "tools" : "actions";
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            writer.WriteStartObject();
            writer.WriteStartObject(groupKey);
            string? open = null;
            foreach (var action in state.Catalog.Actions)
            {
                if (integrations is not null && !integrations.Contains(action.Integration))
                {
                    continue;
                }

                if (limitToAvailable && !state.Connections.IsConnected(request.UserId, action.Integration, request.CredentialId))
                {
                    continue;
                }

                if (open != action.Integration)
                {
                    if (open is not null)
                    {
                        writer.WriteEndArray();
                    }

                    writer.WriteStartArray(action.Integration);
                    open = action.Integration;
                }

                action.Tool.WriteTo(writer);
            }

            if (open is not null)
            {
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteStartArray("errors");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return EmulatorResponse.Json(200, buffer.WrittenMemory);
    }

    private static HashSet<string>? SplitList(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
