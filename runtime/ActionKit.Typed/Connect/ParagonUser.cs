using System;
using System.Collections.Generic;
using System.Text.Json;
using ActionKit.Typed.Serialization;

namespace ActionKit.Typed;

/// <summary>
/// The Connected User (<c>GET /sdk/me</c>): whether the token authenticated, the user id, each integration's state,
/// and the user's metadata. Properties this SDK does not model are kept in <see cref="ExtensionData"/>.
/// </summary>
public sealed record ParagonUser
{
    /// <summary><c>authenticated</c>: false when the token did not identify a user (then the rest is empty).</summary>
    public bool Authenticated { get; init; }

    /// <summary><c>userId</c>: the token's <c>sub</c>.</summary>
    public string? UserId { get; init; }

    /// <summary><c>integrations</c>: integration type → the user's state for it.</summary>
    public IReadOnlyDictionary<string, UserIntegrationState> Integrations { get; init; } = new Dictionary<string, UserIntegrationState>();

    /// <summary><c>meta</c>: the metadata your app set (<see cref="ParagonConnectClient.UpdateUserMetadataAsync(IReadOnlyDictionary{string, JsonElement}, ConnectRequestOptions?, System.Threading.CancellationToken)"/>).</summary>
    public IReadOnlyDictionary<string, JsonElement> Meta { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Every other property, as received.</summary>
    public IReadOnlyDictionary<string, JsonElement> ExtensionData { get; init; } = new Dictionary<string, JsonElement>();

    internal static ParagonUser Read(ref Utf8JsonReader reader)
    {
        GeneratedJson.ExpectStartObject(ref reader);
        bool? authenticated = null;
        string? userId = null;
        Dictionary<string, UserIntegrationState>? integrations = null;
        Dictionary<string, JsonElement>? meta = null;
        Dictionary<string, JsonElement>? extensions = null;
        while (GeneratedJson.Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            GeneratedJson.Next(ref reader);
            switch (name)
            {
                case "authenticated": authenticated = ParagonJson.Boolean(ref reader, name, ref extensions); break;
                case "userId": userId = ParagonJson.String(ref reader, name, ref extensions); break;
                case "meta": meta = ParagonJson.Members(ref reader, name, ref extensions); break;
                case "integrations" when reader.TokenType == JsonTokenType.StartObject:
                    integrations = new Dictionary<string, UserIntegrationState>(StringComparer.Ordinal);
                    while (GeneratedJson.Next(ref reader) != JsonTokenType.EndObject)
                    {
                        var type = reader.GetString()!;
                        GeneratedJson.Next(ref reader);
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            integrations[type] = UserIntegrationState.Read(ref reader);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    break;
                default: GeneratedJson.ReadExtension(ref reader, name, ref extensions); break;
            }
        }

        return new ParagonUser
        {
            Authenticated = authenticated ?? userId is not null,
            UserId = userId,
            Integrations = (IReadOnlyDictionary<string, UserIntegrationState>?)integrations ?? new Dictionary<string, UserIntegrationState>(),
            Meta = (IReadOnlyDictionary<string, JsonElement>?)meta ?? new Dictionary<string, JsonElement>(),
            ExtensionData = (IReadOnlyDictionary<string, JsonElement>?)extensions ?? new Dictionary<string, JsonElement>(),
        };
    }
}

/// <summary>The user's state for one integration, as <c>GET /sdk/me</c> reports it.</summary>
public sealed record UserIntegrationState
{
    /// <summary><c>enabled</c>: whether the user connected it.</summary>
    public bool Enabled { get; init; }

    /// <summary><c>credentialId</c>: the (default) connected account.</summary>
    public string? CredentialId { get; init; }

    /// <summary><c>credentialStatus</c>.</summary>
    public CredentialStatus? CredentialStatus { get; init; }

    /// <summary><c>providerId</c>.</summary>
    public string? ProviderId { get; init; }

    /// <summary><c>providerData</c>.</summary>
    public JsonElement? ProviderData { get; init; }

    /// <summary><c>configuredWorkflows</c>, as received.</summary>
    public JsonElement? ConfiguredWorkflows { get; init; }

    /// <summary>Every other property (for example <c>allCredentials</c>), as received.</summary>
    public IReadOnlyDictionary<string, JsonElement> ExtensionData { get; init; } = new Dictionary<string, JsonElement>();

    internal static UserIntegrationState Read(ref Utf8JsonReader reader)
    {
        bool? enabled = null;
        string? credentialId = null, status = null, providerId = null;
        JsonElement? providerData = null, workflows = null;
        Dictionary<string, JsonElement>? extensions = null;
        while (GeneratedJson.Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            GeneratedJson.Next(ref reader);
            switch (name)
            {
                case "enabled": enabled = ParagonJson.Boolean(ref reader, name, ref extensions); break;
                case "credentialId": credentialId = ParagonJson.String(ref reader, name, ref extensions); break;
                case "credentialStatus": status = ParagonJson.String(ref reader, name, ref extensions); break;
                case "providerId": providerId = ParagonJson.String(ref reader, name, ref extensions); break;
                case "providerData": providerData = ParagonJson.Element(ref reader); break;
                case "configuredWorkflows": workflows = ParagonJson.Element(ref reader); break;
                default: GeneratedJson.ReadExtension(ref reader, name, ref extensions); break;
            }
        }

        return new UserIntegrationState
        {
            Enabled = enabled ?? false,
            CredentialId = credentialId,
            CredentialStatus = status is null ? (CredentialStatus?)null : new CredentialStatus(status),
            ProviderId = providerId,
            ProviderData = providerData,
            ConfiguredWorkflows = workflows,
            ExtensionData = (IReadOnlyDictionary<string, JsonElement>?)extensions ?? new Dictionary<string, JsonElement>(),
        };
    }
}
