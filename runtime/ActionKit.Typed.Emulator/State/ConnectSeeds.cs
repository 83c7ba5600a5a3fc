using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActionKit.Typed.Emulator.Errors;
using ActionKit.Typed.Emulator.Results;

namespace ActionKit.Typed.Emulator.State;

/// <summary>Deterministic Connect data: workflow and custom-integration ids, and the config a credential starts with.</summary>
internal static class ConnectSeeds
{
    /// <summary>Two request-triggered workflows per integration, with ids stable across runs.</summary>
    public static IReadOnlyList<string> WorkflowIds(string integration) =>
        [StableId("workflow-1", integration), StableId("workflow-2", integration)];

    /// <summary>The id a custom integration (<c>custom.&lt;slug&gt;</c>) has in <c>/sdk/proxy/custom/{id}/</c>.</summary>
    public static string CustomIntegrationId(string integration) => StableId("custom-integration", integration);

    public static bool IsCustom(string integration) => integration.StartsWith("custom.", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A config with an enabled and a disabled workflow (settings, an extra property), shared settings, and
    /// properties an SDK does not model (numbers with exact text, nested objects, arrays), so read-modify-write losses show.
    /// </summary>
    public static JsonNode Config(string integration)
    {
        var workflows = WorkflowIds(integration);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("configuredWorkflows");
            writer.WriteStartObject(workflows[0]);
            writer.WriteBoolean("enabled", true);
            writer.WriteStartObject("settings");
            writer.WriteString("channel", "general");
            writer.WriteNumber("threshold", 2.50m);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject(workflows[1]);
            writer.WriteBoolean("enabled", false);
            writer.WriteStartObject("settings");
            writer.WriteEndObject();
            writer.WriteString("lastRunAt", "2026-01-02T03:04:05.000Z");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("sharedSettings");
            writer.WriteString("owner", "emulator");
            writer.WriteNumber("limit", 25);
            writer.WriteEndObject();
            writer.WriteStartObject("fieldMappings");
            writer.WriteStartObject("contact");
            writer.WriteString("email", "Email");
            writer.WriteString("name", "Full Name");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("tags");
            writer.WriteStringValue("seeded");
            writer.WriteNumberValue(1.0m);
            writer.WriteNullValue();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return JsonNode.Parse(buffer.WrittenSpan)!;
    }

    /// <summary>A node as compact JSON (numbers keep their text), without reflection.</summary>
    public static string ToJson(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            node.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A stable UUID-shaped id.</summary>
    public static string StableId(string kind, string value)
    {
        var hash = CanonicalJson.Fnv1a(Encoding.UTF8.GetBytes(kind + "\n" + value.ToLowerInvariant()));
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, hash);
        BitConverter.TryWriteBytes(bytes[8..], (hash * 1099511628211UL) ^ 0x9E3779B97F4A7C15UL);
        return new Guid(bytes).ToString("D");
    }
}
