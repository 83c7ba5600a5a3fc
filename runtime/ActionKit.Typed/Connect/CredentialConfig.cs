using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using ActionKit.Typed.Serialization;

namespace ActionKit.Typed;

/// <summary>
/// A credential's <c>config</c>: which workflows are enabled (with their settings), shared User Settings, and every
/// other property as received (<see cref="ExtensionData"/>). Mutable, for read-modify-write with
/// <see cref="ParagonConnectClient.UpdateConfigAsync(string, Action{CredentialConfig}, ConnectRequestOptions?, System.Threading.CancellationToken)"/>:
/// what you do not touch is written back exactly as it was read.
/// </summary>
public sealed class CredentialConfig
{
    private readonly Dictionary<string, JsonElement> _otherWorkflowEntries = new(StringComparer.Ordinal);
    private Presence _workflowsPresence;
    private Presence _sharedPresence;

    /// <summary>An empty config.</summary>
    public CredentialConfig()
    {
    }

    private enum Presence
    {
        Absent,
        Null,
        Object,
    }

    /// <summary><c>configuredWorkflows</c>: workflow id → its enablement and settings.</summary>
    public IDictionary<string, WorkflowConfig> ConfiguredWorkflows { get; } = new Dictionary<string, WorkflowConfig>(StringComparer.Ordinal);

    /// <summary><c>sharedSettings</c>: User Setting id → value (integration-level User Settings).</summary>
    public IDictionary<string, JsonElement> SharedSettings { get; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Every other property of the config, as received; written back unchanged.</summary>
    public IDictionary<string, JsonElement> ExtensionData { get; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Reads a config from JSON (an object; <c>null</c> reads as an empty config).</summary>
    /// <exception cref="JsonException">The JSON is not an object.</exception>
    public static CredentialConfig Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParagonJson.Parse(Encoding.UTF8.GetBytes(json), Read);
    }

    /// <summary>A deep copy.</summary>
    public CredentialConfig Clone() => ParagonJson.Parse(ParagonJson.Write(WriteTo).ToMemory().Span, Read);

    /// <summary>Writes the config as a JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (ConfiguredWorkflows.Count > 0 || _workflowsPresence == Presence.Object)
        {
            // Workflows the caller added are written after those read, in the dictionary's order.
            writer.WriteStartObject("configuredWorkflows"u8);
            foreach (var pair in ConfiguredWorkflows)
            {
                writer.WritePropertyName(pair.Key);
                (pair.Value ?? new WorkflowConfig()).WriteTo(writer);
            }

            foreach (var pair in _otherWorkflowEntries)
            {
                if (!ConfiguredWorkflows.ContainsKey(pair.Key))
                {
                    writer.WritePropertyName(pair.Key);
                    pair.Value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }
        else if (_workflowsPresence == Presence.Null)
        {
            writer.WriteNull("configuredWorkflows"u8);
        }

        if (SharedSettings.Count > 0 || _sharedPresence == Presence.Object)
        {
            writer.WriteStartObject("sharedSettings"u8);
            ParagonJson.WriteMembers(writer, SharedSettings);
            writer.WriteEndObject();
        }
        else if (_sharedPresence == Presence.Null)
        {
            writer.WriteNull("sharedSettings"u8);
        }

        foreach (var pair in ExtensionData)
        {
            if (pair.Value.ValueKind == JsonValueKind.Undefined ||
                (pair.Key == "configuredWorkflows" && (ConfiguredWorkflows.Count > 0 || _workflowsPresence != Presence.Absent)) ||
                (pair.Key == "sharedSettings" && (SharedSettings.Count > 0 || _sharedPresence != Presence.Absent)))
            {
                continue;
            }

            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>The config as JSON text.</summary>
    public string ToJson() => ParagonJson.Write(WriteTo).ToString();

    /// <inheritdoc/>
    public override string ToString() => ToJson();

    internal static CredentialConfig Read(ref Utf8JsonReader reader)
    {
        var config = new CredentialConfig();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return config;
        }

        GeneratedJson.ExpectStartObject(ref reader);
        while (GeneratedJson.Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            GeneratedJson.Next(ref reader);
            switch (name)
            {
                case "configuredWorkflows" when reader.TokenType == JsonTokenType.StartObject:
                    config._workflowsPresence = Presence.Object;
                    while (GeneratedJson.Next(ref reader) != JsonTokenType.EndObject)
                    {
                        var id = reader.GetString()!;
                        GeneratedJson.Next(ref reader);
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            config.ConfiguredWorkflows[id] = WorkflowConfig.Read(ref reader);
                        }
                        else
                        {
                            // Not an object: kept as received, and written back in place.
                            config._otherWorkflowEntries[id] = JsonElement.ParseValue(ref reader);
                        }
                    }

                    break;
                case "configuredWorkflows" when reader.TokenType == JsonTokenType.Null:
                    config._workflowsPresence = Presence.Null;
                    break;
                case "sharedSettings" when reader.TokenType == JsonTokenType.StartObject:
                    config._sharedPresence = Presence.Object;
                    Dictionary<string, JsonElement>? unused = null;
                    foreach (var pair in ParagonJson.Members(ref reader, name, ref unused)!)
                    {
                        config.SharedSettings[pair.Key] = pair.Value;
                    }

                    break;
                case "sharedSettings" when reader.TokenType == JsonTokenType.Null:
                    config._sharedPresence = Presence.Null;
                    break;
                default:
                    config.ExtensionData[name] = JsonElement.ParseValue(ref reader);
                    break;
            }
        }

        return config;
    }
}

/// <summary>One workflow's entry in <c>configuredWorkflows</c>: whether it is enabled, its settings, and anything else as received.</summary>
public sealed class WorkflowConfig
{
    private bool? _enabled;
    private bool _hasSettings;

    /// <summary>A disabled workflow with no settings (written as <c>{"enabled": false, "settings": {}}</c>).</summary>
    public WorkflowConfig()
    {
        _enabled = false;
        _hasSettings = true;
    }

    private WorkflowConfig(bool read) => _hasSettings = !read;

    /// <summary><c>enabled</c> (false when absent).</summary>
    public bool Enabled
    {
        get => _enabled ?? false;
        set
        {
            _enabled = value;
            ExtensionData.Remove("enabled");
        }
    }

    /// <summary><c>settings</c>: input id → value.</summary>
    public IDictionary<string, JsonElement> Settings { get; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Every other property, as received; written back unchanged.</summary>
    public IDictionary<string, JsonElement> ExtensionData { get; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Writes the entry as a JSON object; what was absent when read stays absent unless set.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (_enabled is { } enabled)
        {
            writer.WriteBoolean("enabled"u8, enabled);
        }

        var writeSettings = Settings.Count > 0 || _hasSettings;
        if (writeSettings)
        {
            writer.WriteStartObject("settings"u8);
            ParagonJson.WriteMembers(writer, Settings);
            writer.WriteEndObject();
        }

        foreach (var pair in ExtensionData)
        {
            if (pair.Value.ValueKind == JsonValueKind.Undefined || (pair.Key == "settings" && writeSettings) || (pair.Key == "enabled" && _enabled is not null))
            {
                continue;
            }

            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    internal static WorkflowConfig Read(ref Utf8JsonReader reader)
    {
        var workflow = new WorkflowConfig(read: true);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw GeneratedJson.Unexpected(ref reader, "a workflow object");
        }

        while (GeneratedJson.Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            GeneratedJson.Next(ref reader);
            switch (name)
            {
                case "enabled" when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                    workflow._enabled = reader.TokenType == JsonTokenType.True;
                    break;
                case "settings" when reader.TokenType == JsonTokenType.StartObject:
                    workflow._hasSettings = true;
                    Dictionary<string, JsonElement>? unused = null;
                    foreach (var pair in ParagonJson.Members(ref reader, name, ref unused)!)
                    {
                        workflow.Settings[pair.Key] = pair.Value;
                    }

                    break;
                default:
                    workflow.ExtensionData[name] = JsonElement.ParseValue(ref reader);
                    break;
            }
        }

        return workflow;
    }
}
