using System;
using System.Collections.Generic;
using System.Text.Json;
using ActionKit.Typed.Serialization;

namespace ActionKit.Typed;

/// <summary>
/// An integration enabled in the project (<c>GET /sdk/integrations</c>), with whether the user has a credential for
/// it. Properties this SDK does not model (<c>configs</c>, <c>customIntegration</c>, …) are kept in <see cref="ExtensionData"/>.
/// </summary>
public sealed record ConnectIntegration
{
    /// <summary><c>id</c>: the integration's id (for <see cref="ParagonConnectClient.DisconnectAsync"/> and <c>custom/{id}</c> proxy paths).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary><c>type</c>: the integration type (<c>slack</c>, <c>custom.tasklab</c> …), the name the Proxy API and ActionKit use.</summary>
    public string? Type { get; init; }

    /// <summary><c>name</c>: the display name.</summary>
    public string? Name { get; init; }

    /// <summary><c>projectId</c>.</summary>
    public string? ProjectId { get; init; }

    /// <summary><c>customIntegrationId</c>: set for custom integrations.</summary>
    public string? CustomIntegrationId { get; init; }

    /// <summary><c>isActive</c>.</summary>
    public bool? IsActive { get; init; }

    /// <summary><c>hasCredential</c>: whether the user connected it.</summary>
    public bool? HasCredential { get; init; }

    /// <summary><c>brandColor</c>.</summary>
    public string? BrandColor { get; init; }

    /// <summary><c>providerType</c>.</summary>
    public string? ProviderType { get; init; }

    /// <summary><c>authenticationType</c> (for example <c>oauth</c>).</summary>
    public string? AuthenticationType { get; init; }

    /// <summary><c>workflows</c>: the project's workflows for this integration, as received.</summary>
    public IReadOnlyList<JsonElement> Workflows { get; init; } = [];

    /// <summary>Every other property, as received.</summary>
    public IReadOnlyDictionary<string, JsonElement> ExtensionData { get; init; } = new Dictionary<string, JsonElement>();

    internal static ConnectIntegration Read(ref Utf8JsonReader reader)
    {
        GeneratedJson.ExpectStartObject(ref reader);
        string? id = null, type = null, name = null, projectId = null, customId = null, brandColor = null, providerType = null, authType = null;
        bool? active = null, hasCredential = null;
        List<JsonElement>? workflows = null;
        Dictionary<string, JsonElement>? extensions = null;
        while (GeneratedJson.Next(ref reader) != JsonTokenType.EndObject)
        {
            var property = reader.GetString()!;
            GeneratedJson.Next(ref reader);
            switch (property)
            {
                case "id": id = ParagonJson.String(ref reader, property, ref extensions); break;
                case "type": type = ParagonJson.String(ref reader, property, ref extensions); break;
                case "name": name = ParagonJson.String(ref reader, property, ref extensions); break;
                case "projectId": projectId = ParagonJson.String(ref reader, property, ref extensions); break;
                case "customIntegrationId": customId = ParagonJson.String(ref reader, property, ref extensions); break;
                case "brandColor": brandColor = ParagonJson.String(ref reader, property, ref extensions); break;
                case "providerType": providerType = ParagonJson.String(ref reader, property, ref extensions); break;
                case "authenticationType": authType = ParagonJson.String(ref reader, property, ref extensions); break;
                case "isActive": active = ParagonJson.Boolean(ref reader, property, ref extensions); break;
                case "hasCredential": hasCredential = ParagonJson.Boolean(ref reader, property, ref extensions); break;
                case "workflows" when reader.TokenType == JsonTokenType.StartArray:
                    workflows = [];
                    while (GeneratedJson.Next(ref reader) != JsonTokenType.EndArray)
                    {
                        workflows.Add(JsonElement.ParseValue(ref reader));
                    }

                    break;
                default: GeneratedJson.ReadExtension(ref reader, property, ref extensions); break;
            }
        }

        return new ConnectIntegration
        {
            Id = id ?? string.Empty,
            Type = type,
            Name = name,
            ProjectId = projectId,
            CustomIntegrationId = customId,
            IsActive = active,
            HasCredential = hasCredential,
            BrandColor = brandColor,
            ProviderType = providerType,
            AuthenticationType = authType,
            Workflows = (IReadOnlyList<JsonElement>?)workflows ?? [],
            ExtensionData = (IReadOnlyDictionary<string, JsonElement>?)extensions ?? new Dictionary<string, JsonElement>(),
        };
    }
}
