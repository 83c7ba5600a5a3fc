using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using ActionKit.Typed.Serialization;

namespace ActionKit.Typed;

/// <summary>
/// A connected account of the user (<c>GET /sdk/credentials</c>): its ids, status, provider, dates and <see cref="Config"/>.
/// Properties this SDK does not model are kept in <see cref="ExtensionData"/>.
/// </summary>
public sealed record ConnectCredential
{
    /// <summary><c>id</c>: the credential id, for <c>X-Paragon-Credential</c>.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary><c>integrationId</c>: the id of the project's integration.</summary>
    public string? IntegrationId { get; init; }

    /// <summary><c>projectId</c>.</summary>
    public string? ProjectId { get; init; }

    /// <summary><c>personaId</c>: Paragon's id for the Connected User.</summary>
    public string? PersonaId { get; init; }

    /// <summary><c>providerId</c>: the user's id at the provider (for example their Salesforce user id).</summary>
    public string? ProviderId { get; init; }

    /// <summary><c>status</c>, when sent.</summary>
    public CredentialStatus? Status { get; init; }

    /// <summary><c>isPreviewCredential</c>.</summary>
    public bool? IsPreviewCredential { get; init; }

    /// <summary><c>externalId</c>, when sent.</summary>
    public string? ExternalId { get; init; }

    /// <summary><c>dateCreated</c>.</summary>
    public DateTimeOffset? DateCreated { get; init; }

    /// <summary><c>dateUpdated</c>.</summary>
    public DateTimeOffset? DateUpdated { get; init; }

    /// <summary><c>dateRefreshed</c>.</summary>
    public DateTimeOffset? DateRefreshed { get; init; }

    /// <summary><c>dateValidUntil</c>.</summary>
    public DateTimeOffset? DateValidUntil { get; init; }

    /// <summary><c>refreshFailureCount</c>.</summary>
    public long? RefreshFailureCount { get; init; }

    /// <summary><c>providerData</c>: provider-specific data (for example Salesforce's <c>instanceURL</c>).</summary>
    public JsonElement? ProviderData { get; init; }

    /// <summary><c>config</c>: enabled workflows and User Settings. Change it with <see cref="ParagonConnectClient.UpdateConfigAsync(string, Action{CredentialConfig}, ConnectRequestOptions?, System.Threading.CancellationToken)"/>.</summary>
    public CredentialConfig Config { get; init; } = new();

    /// <summary>Whether the credential had a <c>config</c> property.</summary>
    public bool HasConfig { get; init; }

    /// <summary>Every other property, as received.</summary>
    public IReadOnlyDictionary<string, JsonElement> ExtensionData { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Reads a credential from JSON.</summary>
    /// <exception cref="JsonException">The JSON is not a credential object.</exception>
    public static ConnectCredential Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParagonJson.Parse(Encoding.UTF8.GetBytes(json), Read);
    }

    internal static ConnectCredential Read(ref Utf8JsonReader reader)
    {
        GeneratedJson.ExpectStartObject(ref reader);
        string? id = null, integrationId = null, projectId = null, personaId = null, providerId = null, status = null, externalId = null;
        bool? preview = null;
        DateTimeOffset? created = null, updated = null, refreshed = null, validUntil = null;
        long? failures = null;
        JsonElement? providerData = null;
        CredentialConfig? config = null;
        Dictionary<string, JsonElement>? extensions = null;
        while (GeneratedJson.Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            GeneratedJson.Next(ref reader);
            switch (name)
            {
                case "id": id = ParagonJson.String(ref reader, name, ref extensions); break;
                case "integrationId": integrationId = ParagonJson.String(ref reader, name, ref extensions); break;
                case "projectId": projectId = ParagonJson.String(ref reader, name, ref extensions); break;
                case "personaId": personaId = ParagonJson.String(ref reader, name, ref extensions); break;
                case "providerId": providerId = ParagonJson.String(ref reader, name, ref extensions); break;
                case "status": status = ParagonJson.String(ref reader, name, ref extensions); break;
                case "externalId": externalId = ParagonJson.String(ref reader, name, ref extensions); break;
                case "isPreviewCredential": preview = ParagonJson.Boolean(ref reader, name, ref extensions); break;
                case "dateCreated": created = ParagonJson.Date(ref reader, name, ref extensions); break;
                case "dateUpdated": updated = ParagonJson.Date(ref reader, name, ref extensions); break;
                case "dateRefreshed": refreshed = ParagonJson.Date(ref reader, name, ref extensions); break;
                case "dateValidUntil": validUntil = ParagonJson.Date(ref reader, name, ref extensions); break;
                case "refreshFailureCount": failures = ParagonJson.Int64(ref reader, name, ref extensions); break;
                case "providerData": providerData = ParagonJson.Element(ref reader); break;
                case "config" when reader.TokenType is JsonTokenType.StartObject or JsonTokenType.Null:
                    config = CredentialConfig.Read(ref reader);
                    break;
                default: GeneratedJson.ReadExtension(ref reader, name, ref extensions); break;
            }
        }

        return new ConnectCredential
        {
            Id = id ?? string.Empty,
            IntegrationId = integrationId,
            ProjectId = projectId,
            PersonaId = personaId,
            ProviderId = providerId,
            Status = status is null ? (CredentialStatus?)null : new CredentialStatus(status),
            ExternalId = externalId,
            IsPreviewCredential = preview,
            DateCreated = created,
            DateUpdated = updated,
            DateRefreshed = refreshed,
            DateValidUntil = validUntil,
            RefreshFailureCount = failures,
            ProviderData = providerData,
            Config = config ?? new CredentialConfig(),
            HasConfig = config is not null,
            ExtensionData = (IReadOnlyDictionary<string, JsonElement>?)extensions ?? new Dictionary<string, JsonElement>(),
        };
    }
}
