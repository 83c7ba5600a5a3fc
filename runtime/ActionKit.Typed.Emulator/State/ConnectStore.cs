using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using ActionKit.Typed.Emulator.Errors;
using ActionKit.Typed.Emulator.Results;

namespace ActionKit.Typed.Emulator.State;

/// <summary>An integration enabled in the emulated project.</summary>
/// <param name="Id">Its id (UUID-shaped, stable).</param>
/// <param name="Type">The integration type: <c>slack</c>, <c>custom.tasklab</c>.</param>
/// <param name="Name">Its display name.</param>
/// <param name="CustomIntegrationId">For custom integrations, the id used in <c>/sdk/proxy/custom/{id}/</c>.</param>
/// <param name="WorkflowIds">The project's workflows for it.</param>
internal sealed record EmulatedIntegration(string Id, string Type, string Name, string? CustomIntegrationId, IReadOnlyList<string> WorkflowIds);

/// <summary>
/// The Connect side of the emulated project: its integrations, each user's metadata, and each credential's
/// <c>config</c> (seeded deterministically, replaced whole by <c>PATCH /sdk/credentials/{id}</c>, as Paragon does).
/// Which credentials exist is the <see cref="ConnectionRegistry"/>'s business.
/// </summary>
internal sealed class ConnectStore
{
    /// <summary>The custom integration every emulated project has.</summary>
    public const string CustomIntegrationType = "custom.tasklab";

    /// <summary>Integrations served even when the catalog has none of their actions.</summary>
    private static readonly string[] BaseIntegrations = ["slack", "googledrive", "salesforce", "hubspot"];

    private readonly object _gate = new();
    private readonly Dictionary<string, Dictionary<string, JsonElement>> _meta = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _configs = new(StringComparer.Ordinal);

    public ConnectStore(IEnumerable<string> catalogIntegrations)
    {
        var types = BaseIntegrations.Concat(catalogIntegrations).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var integrations = types.Select(t => new EmulatedIntegration(StableId("integration", t), t, DisplayName(t), null, Workflows(t))).ToList();
        integrations.Add(new EmulatedIntegration(StableId("integration", CustomIntegrationType), CustomIntegrationType, "TaskLab", StableId("custom-integration", CustomIntegrationType), Workflows(CustomIntegrationType)));
        Integrations = integrations;
    }

    public IReadOnlyList<EmulatedIntegration> Integrations { get; }

    public EmulatedIntegration? FindByType(string type) => Integrations.FirstOrDefault(i => string.Equals(i.Type, type, StringComparison.OrdinalIgnoreCase));

    public EmulatedIntegration? FindById(string id) => Integrations.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase));

    public EmulatedIntegration? FindByCustomId(string id) => Integrations.FirstOrDefault(i => string.Equals(i.CustomIntegrationId, id, StringComparison.OrdinalIgnoreCase));

    public EmulatedIntegration? FindWorkflow(string workflowId) => Integrations.FirstOrDefault(i => i.WorkflowIds.Contains(workflowId, StringComparer.OrdinalIgnoreCase));

    /// <summary>The stored config of a credential (seeded on first use).</summary>
    public byte[] GetConfig(string credentialId, string integrationType)
    {
        lock (_gate)
        {
            if (!_configs.TryGetValue(credentialId, out var config))
            {
                _configs[credentialId] = config = SeedConfig(integrationType);
            }

            return config;
        }
    }

    /// <summary>Replaces a credential's config.</summary>
    public void SetConfig(string credentialId, ReadOnlySpan<byte> json)
    {
        lock (_gate)
        {
            _configs[credentialId] = json.ToArray();
        }
    }

    /// <summary>The user's metadata.</summary>
    public IReadOnlyDictionary<string, JsonElement> GetMeta(string user)
    {
        lock (_gate)
        {
            return _meta.TryGetValue(user, out var meta) ? new Dictionary<string, JsonElement>(meta) : new Dictionary<string, JsonElement>();
        }
    }

    /// <summary>Merges keys into the user's metadata (a key given replaces the stored one).</summary>
    public void MergeMeta(string user, JsonElement meta)
    {
        lock (_gate)
        {
            if (!_meta.TryGetValue(user, out var stored))
            {
                _meta[user] = stored = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            }

            foreach (var property in meta.EnumerateObject())
            {
                stored[property.Name] = property.Value.Clone();
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _meta.Clear();
            _configs.Clear();
        }
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

    private static IReadOnlyList<string> Workflows(string type) => [StableId("workflow-1", type), StableId("workflow-2", type)];

    private static string DisplayName(string type) => type.Length == 0 ? type : char.ToUpperInvariant(type[0]) + type[1..];

    /// <summary>
    /// A config with enabled and disabled workflows, shared settings, and properties the SDK does not model
    /// (numbers with exact text, nested objects, arrays), so read-modify-write losses show.
    /// </summary>
    private static byte[] SeedConfig(string type)
    {
        var workflows = Workflows(type);
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

        return buffer.WrittenSpan.ToArray();
    }
}
