using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using ActionKit.Typed.Serialization;

namespace ActionKit.Typed;

/// <summary>
/// The Connect API for the token's user: the user and their metadata, the project's integrations, the user's
/// credentials (connected accounts) and their config, disconnecting, request-triggered workflows and App Events.
/// Shares the client's pipeline (auth, retries, errors, tracing) and account (<c>X-Paragon-Credential</c>). Reach it
/// as <see cref="ActionKitClient.Connect"/>.
/// </summary>
/// <remarks>
/// Calls go to <see cref="ActionKitClientOptions.ConnectEndpoint"/> (<c>https://zeus.useparagon.com</c> by default, the
/// host Paragon's own SDK uses; older docs name <c>api.useparagon.com</c>) under <c>/projects/{id}/sdk/</c>.
/// GET calls are reads (retried after faults); PATCH, POST and DELETE are writes (retried on 429 only, unless
/// <see cref="ConnectRequestOptions.RetryWrites"/> is set).
/// </remarks>
public class ParagonConnectClient
{
    private readonly ClientCore _core = null!;
    private readonly ActionKitTokenProvider _tokenProvider = null!;

    /// <summary>For mocking.</summary>
    protected ParagonConnectClient()
    {
    }

    internal ParagonConnectClient(ClientCore core, ActionKitTokenProvider tokenProvider, string? credentialId)
    {
        _core = core;
        _tokenProvider = tokenProvider;
        CredentialId = credentialId;
    }

    /// <summary>The Connect API endpoint.</summary>
    public virtual Uri Endpoint => _core.ConnectEndpoint;

    /// <summary>The connected account calls concern by default, or null.</summary>
    public virtual string? CredentialId { get; }

    /// <summary><c>GET /sdk/me</c>: the user, their integrations' state and metadata.</summary>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual Task<ClientResult<ParagonUser>> GetUserAsync(ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadAsync(Call("GET", "sdk/me", "GetUser", options), ParagonUser.Read, cancellationToken);

    /// <summary><c>GET /sdk/me</c>, synchronously.</summary>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual ClientResult<ParagonUser> GetUser(ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Read(Call("GET", "sdk/me", "GetUser", options), ParagonUser.Read, cancellationToken);

    /// <summary><c>PATCH /sdk/me</c> with <c>{"meta": …}</c>: sets the user's metadata (keys given replace theirs; <c>Name</c> and <c>Email</c> are shown in the dashboard).</summary>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual Task<ClientResult> UpdateUserMetadataAsync(IReadOnlyDictionary<string, JsonElement> metadata, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(MetadataCall(metadata, options), cancellationToken);

    /// <summary><c>PATCH /sdk/me</c> with <c>{"meta": …}</c>, synchronously.</summary>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual ClientResult UpdateUserMetadata(IReadOnlyDictionary<string, JsonElement> metadata, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Send(MetadataCall(metadata, options), cancellationToken);

    private ParagonCall MetadataCall(IReadOnlyDictionary<string, JsonElement> metadata, ConnectRequestOptions? options)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var body = ParagonJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("meta"u8);
            ParagonJson.WriteMembers(writer, metadata);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
        return Call("PATCH", "sdk/me", "UpdateUserMetadata", options, body);
    }

    /// <summary><c>PATCH /sdk/me</c> with <c>{"meta": metadata}</c>; <paramref name="metadata"/> is a JSON object.</summary>
    /// <exception cref="ArgumentException">The metadata is not a JSON object; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual Task<ClientResult> UpdateUserMetadataAsync(BinaryData metadata, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var json = JsonObject(metadata, nameof(metadata));
        var body = ParagonJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("meta"u8);
            writer.WriteRawValue(json.ToMemory().Span, skipInputValidation: true);
            writer.WriteEndObject();
        });
        return SendAsync(Call("PATCH", "sdk/me", "UpdateUserMetadata", options, body), cancellationToken);
    }

    /// <summary><c>GET /sdk/integrations</c>: the integrations enabled in the project.</summary>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual Task<ClientResult<IReadOnlyList<ConnectIntegration>>> GetIntegrationsAsync(ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadAsync(Call("GET", "sdk/integrations", "GetIntegrations", options), ReadIntegrations, cancellationToken);

    /// <summary><c>GET /sdk/integrations</c>, synchronously.</summary>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual ClientResult<IReadOnlyList<ConnectIntegration>> GetIntegrations(ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Read(Call("GET", "sdk/integrations", "GetIntegrations", options), ReadIntegrations, cancellationToken);

    /// <summary><c>GET /sdk/credentials</c>: the user's connected accounts, optionally of one integration type (<c>?integration=</c>).</summary>
    /// <exception cref="ArgumentException">The integration is blank or has a line break; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual Task<ClientResult<IReadOnlyList<ConnectCredential>>> GetCredentialsAsync(string? integration = null, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadAsync(CredentialsCall(integration, options), ReadCredentials, cancellationToken);

    /// <summary><c>GET /sdk/credentials[?integration=]</c>, synchronously.</summary>
    /// <exception cref="ArgumentException">The integration is blank or has a line break; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual ClientResult<IReadOnlyList<ConnectCredential>> GetCredentials(string? integration = null, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Read(CredentialsCall(integration, options), ReadCredentials, cancellationToken);

    private ParagonCall CredentialsCall(string? integration, ConnectRequestOptions? options)
    {
        var path = "sdk/credentials";
        if (integration is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(integration);
            CheckText(integration, nameof(integration));
            path += "?integration=" + Uri.EscapeDataString(integration);
        }

        return Call("GET", path, "GetCredentials", options, integration: integration);
    }

    /// <summary><c>GET /sdk/credentials/{id}</c>: one connected account.</summary>
    /// <exception cref="ArgumentException">The id is blank or not a path segment; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The call failed (<see cref="ActionKitErrorKind.NotFound"/> for an unknown id).</exception>
    public virtual Task<ClientResult<ConnectCredential>> GetCredentialAsync(string credentialId, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadAsync(Call("GET", "sdk/credentials/" + Segment(credentialId, nameof(credentialId)), "GetCredential", options), ConnectCredential.Read, cancellationToken);

    /// <summary><c>GET /sdk/credentials/{id}</c>, synchronously.</summary>
    /// <exception cref="ArgumentException">The id is blank or not a path segment; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual ClientResult<ConnectCredential> GetCredential(string credentialId, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Read(Call("GET", "sdk/credentials/" + Segment(credentialId, nameof(credentialId)), "GetCredential", options), ConnectCredential.Read, cancellationToken);

    /// <summary>
    /// <c>PATCH /sdk/credentials/{id}</c> with <c>{"config": config}</c>. Paragon replaces <c>config</c> whole: anything
    /// missing from <paramref name="config"/> is removed. Prefer <see cref="UpdateConfigAsync(string, Action{CredentialConfig}, ConnectRequestOptions?, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual Task<ClientResult> ReplaceCredentialConfigAsync(string credentialId, CredentialConfig config, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(ReplaceCall(credentialId, config, options), cancellationToken);

    /// <summary><c>PATCH /sdk/credentials/{id}</c> with <c>{"config": config}</c> (replaced whole), synchronously.</summary>
    /// <exception cref="ArgumentException">The id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual ClientResult ReplaceCredentialConfig(string credentialId, CredentialConfig config, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Send(ReplaceCall(credentialId, config, options), cancellationToken);

    private ParagonCall ReplaceCall(string credentialId, CredentialConfig config, ConnectRequestOptions? options)
    {
        ArgumentNullException.ThrowIfNull(config);
        var segment = Segment(credentialId, nameof(credentialId));
        var body = ParagonJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("config"u8);
            config.WriteTo(writer);
            writer.WriteEndObject();
        });
        return Call("PATCH", "sdk/credentials/" + segment, "ReplaceCredentialConfig", options, body);
    }

    /// <summary>
    /// Read-modify-write of a credential's <c>config</c>: reads the credential, lets <paramref name="update"/> change its
    /// config in place, and writes the whole config back, so every property not touched keeps its stored value (unknown
    /// ones included). Returns the config written.
    /// </summary>
    /// <remarks>Paragon has no conditional update, so a change made by someone else between the read and the write is overwritten.</remarks>
    /// <exception cref="ArgumentException">The id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The read or the write failed (a failed read sends no write).</exception>
    public virtual Task<ClientResult<CredentialConfig>> UpdateConfigAsync(string credentialId, Action<CredentialConfig> update, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return UpdateConfigAsync(
            credentialId,
            config =>
            {
                update(config);
                return config;
            },
            options,
            cancellationToken);
    }

    /// <summary>
    /// Read-modify-write of a credential's <c>config</c> with a function from the stored config to the new one (it may
    /// change and return its argument). Returns the config written.
    /// </summary>
    /// <exception cref="ArgumentException">The id is invalid, or the function returned null; nothing was written.</exception>
    /// <exception cref="ParagonApiException">The read or the write failed.</exception>
    public virtual Task<ClientResult<CredentialConfig>> UpdateConfigAsync(string credentialId, Func<CredentialConfig, CredentialConfig> update, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        UpdateConfigCoreAsync(credentialId, update, options, async: true, cancellationToken);

    /// <summary>Read-modify-write of a credential's <c>config</c>, synchronously; see <see cref="UpdateConfigAsync(string, Action{CredentialConfig}, ConnectRequestOptions?, CancellationToken)"/>.</summary>
    /// <exception cref="ArgumentException">The id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The read or the write failed.</exception>
    public virtual ClientResult<CredentialConfig> UpdateConfig(string credentialId, Action<CredentialConfig> update, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return UpdateConfigCoreAsync(
            credentialId,
            config =>
            {
                update(config);
                return config;
            },
            options,
            async: false,
            cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Enables or disables a workflow through the credential's config, synchronously; see <see cref="SetWorkflowEnabledAsync"/>.</summary>
    /// <exception cref="ArgumentException">An id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The read or the write failed.</exception>
    public virtual ClientResult<CredentialConfig> SetWorkflowEnabled(string credentialId, string workflowId, bool enabled, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);
        CheckText(workflowId, nameof(workflowId));
        return UpdateConfig(credentialId, config => EnableWorkflow(config, workflowId, enabled), options, cancellationToken);
    }

    /// <summary>
    /// Enables or disables a workflow for a connected account, through the credential's config
    /// (<c>config.configuredWorkflows[workflowId].enabled</c>), leaving everything else in the config as stored.
    /// </summary>
    /// <exception cref="ArgumentException">An id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The read or the write failed.</exception>
    public virtual Task<ClientResult<CredentialConfig>> SetWorkflowEnabledAsync(string credentialId, string workflowId, bool enabled, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);
        CheckText(workflowId, nameof(workflowId));
        return UpdateConfigAsync(credentialId, config => EnableWorkflow(config, workflowId, enabled), options, cancellationToken);
    }

    /// <summary>
    /// <c>DELETE /sdk/integrations/{integrationId}</c>: disconnects the integration for the user, or only the account
    /// <paramref name="credentialId"/> (sent as <c>X-Paragon-Credential</c>) when the user has several.
    /// </summary>
    /// <param name="integrationId">The integration's id (<see cref="ConnectIntegration.Id"/>).</param>
    /// <param name="credentialId">The account to disconnect; null for the client's or the call's account, or the default.</param>
    /// <param name="options">Per-call settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual Task<ClientResult> DisconnectAsync(string integrationId, string? credentialId = null, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(DisconnectCall(integrationId, credentialId, options), cancellationToken);

    /// <summary><c>DELETE /sdk/integrations/{integrationId}</c>, synchronously; see <see cref="DisconnectAsync"/>.</summary>
    /// <exception cref="ArgumentException">An id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual ClientResult Disconnect(string integrationId, string? credentialId = null, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Send(DisconnectCall(integrationId, credentialId, options), cancellationToken);

    private ParagonCall DisconnectCall(string integrationId, string? credentialId, ConnectRequestOptions? options)
    {
        var segment = Segment(integrationId, nameof(integrationId));
        if (credentialId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(credentialId);
            ParagonApiSender.CheckHeaderValue(credentialId, nameof(credentialId), "The credential id");
        }

        return Call("DELETE", "sdk/integrations/" + segment, "Disconnect", options, credentialOverride: credentialId);
    }

    /// <summary>
    /// Triggers a request-triggered workflow (<c>POST /sdk/triggers/{workflowId}</c>) with a JSON body and returns what
    /// the workflow answered. The workflow must be enabled for the user.
    /// </summary>
    /// <exception cref="ArgumentException">The id is invalid, or the body is not JSON; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual Task<ClientResult<WorkflowResponse>> TriggerWorkflowAsync(string workflowId, BinaryData? body = null, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        TriggerWorkflowCoreAsync(workflowId, body, options, async: true, cancellationToken);

    /// <summary>Triggers a request-triggered workflow synchronously; see <see cref="TriggerWorkflowAsync(string, BinaryData?, ConnectRequestOptions?, CancellationToken)"/>.</summary>
    /// <exception cref="ArgumentException">The id is invalid, or the body is not JSON; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual ClientResult<WorkflowResponse> TriggerWorkflow(string workflowId, BinaryData? body = null, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        TriggerWorkflowCoreAsync(workflowId, body, options, async: false, cancellationToken).GetAwaiter().GetResult();

    private async Task<ClientResult<WorkflowResponse>> TriggerWorkflowCoreAsync(string workflowId, BinaryData? body, ConnectRequestOptions? options, bool async, CancellationToken cancellationToken)
    {
        var segment = Segment(workflowId, nameof(workflowId));
        var json = body is null ? BinaryData.FromString("{}") : JsonValue(body, nameof(body));
        var response = await ParagonApiSender.SendCoreAsync(_core, _tokenProvider, Call("POST", "sdk/triggers/" + segment, "TriggerWorkflow", options, json), async, cancellationToken).ConfigureAwait(false);
        response.Headers.TryGetValue("Content-Type", out var contentType);
        return ClientResult.FromValue(new WorkflowResponse(response.Status, response.Content, contentType), response);
    }

    /// <summary>Triggers a request-triggered workflow with a typed body (AOT-safe); see <see cref="TriggerWorkflowAsync(string, BinaryData?, ConnectRequestOptions?, CancellationToken)"/>.</summary>
    /// <exception cref="ArgumentException">The id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual Task<ClientResult<WorkflowResponse>> TriggerWorkflowAsync<TBody>(string workflowId, TBody body, JsonTypeInfo<TBody> bodyType, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bodyType);
        return TriggerWorkflowAsync(workflowId, BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(body, bodyType)), options, cancellationToken);
    }

    /// <summary>
    /// Sends an App Event: <c>{"name", "payload"}</c> to <c>POST /v2/projects/{id}/sdk/events/trigger</c> on the Connect
    /// host. Workflows triggered by the event run for the user; Paragon does not check the payload against the event's schema.
    /// </summary>
    /// <remarks>
    /// Assumption: Paragon's JavaScript SDK posts events to <c>/v2/projects/{id}/sdk/events/trigger</c>; the REST docs show
    /// <c>/projects/{id}/sdk/events/trigger</c>. The v2 path on <see cref="ActionKitClientOptions.ConnectEndpoint"/> is used.
    /// </remarks>
    /// <exception cref="ArgumentException">The name is blank or the payload is not a JSON object; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual Task<ClientResult> SendEventAsync(string name, BinaryData payload, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(EventCall(name, payload, options), cancellationToken);

    /// <summary>Sends an App Event synchronously; see <see cref="SendEventAsync(string, BinaryData, ConnectRequestOptions?, CancellationToken)"/>.</summary>
    /// <exception cref="ArgumentException">The name is blank or the payload is not a JSON object; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual ClientResult SendEvent(string name, BinaryData payload, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Send(EventCall(name, payload, options), cancellationToken);

    private ParagonCall EventCall(string name, BinaryData payload, ConnectRequestOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var json = JsonObject(payload, nameof(payload));
        var body = ParagonJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, name);
            writer.WritePropertyName("payload"u8);
            writer.WriteRawValue(json.ToMemory().Span, skipInputValidation: true);
            writer.WriteEndObject();
        });
        var uri = new Uri(_core.ConnectEndpoint.AbsoluteUri.TrimEnd('/') + "/v2/projects/" + Uri.EscapeDataString(_core.ProjectId) + "/sdk/events/trigger");
        return Call("POST", "sdk/events/trigger", "SendEvent", options, body, uri: uri);
    }

    /// <summary>Sends an App Event with a typed payload (AOT-safe); see <see cref="SendEventAsync(string, BinaryData, ConnectRequestOptions?, CancellationToken)"/>.</summary>
    /// <exception cref="ArgumentException">The name is blank or the payload is not a JSON object; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The call failed.</exception>
    public virtual Task<ClientResult> SendEventAsync<TPayload>(string name, TPayload payload, JsonTypeInfo<TPayload> payloadType, ConnectRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payloadType);
        return SendEventAsync(name, BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(payload, payloadType)), options, cancellationToken);
    }

    private static IReadOnlyList<ConnectIntegration> ReadIntegrations(ref Utf8JsonReader reader) => ParagonJson.List(ref reader, ConnectIntegration.Read);

    private static IReadOnlyList<ConnectCredential> ReadCredentials(ref Utf8JsonReader reader) => ParagonJson.List(ref reader, ConnectCredential.Read);

    private static void EnableWorkflow(CredentialConfig config, string workflowId, bool enabled)
    {
        if (!config.ConfiguredWorkflows.TryGetValue(workflowId, out var workflow) || workflow is null)
        {
            config.ConfiguredWorkflows[workflowId] = workflow = new WorkflowConfig();
        }

        workflow.Enabled = enabled;
    }

    private async Task<ClientResult<CredentialConfig>> UpdateConfigCoreAsync(string credentialId, Func<CredentialConfig, CredentialConfig> update, ConnectRequestOptions? options, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var segment = Segment(credentialId, nameof(credentialId));
        var current = await ReadCoreAsync(Call("GET", "sdk/credentials/" + segment, "GetCredential", options), ConnectCredential.Read, async, cancellationToken).ConfigureAwait(false);
        var updated = update(current.Value.Config) ?? throw new ArgumentException("The update returned no config.", nameof(update));
        var written = await SendCoreAsync(ReplaceCall(credentialId, updated, options), async, cancellationToken).ConfigureAwait(false);
        return ClientResult.FromValue(updated, written.GetRawResponse());
    }

    private ParagonCall Call(string method, string path, string operation, ConnectRequestOptions? options, BinaryData? body = null, string? integration = null, string? credentialOverride = null, Uri? uri = null)
    {
        var credentialId = credentialOverride ?? options?.CredentialId ?? CredentialId;
        if (credentialId is not null)
        {
            ParagonApiSender.CheckHeaderValue(credentialId, nameof(options), "The credential id");
        }

        var query = path.IndexOf('?', StringComparison.Ordinal);
        return new ParagonCall
        {
            Api = ParagonApi.Connect,
            Method = method,
            Uri = uri ?? new Uri(_core.ConnectEndpoint.AbsoluteUri.TrimEnd('/') + "/projects/" + Uri.EscapeDataString(_core.ProjectId) + "/" + path),
            Path = query < 0 ? path : path[..query],
            Operation = operation,
            Integration = integration,
            Safety = method == "GET" ? ActionSafety.Read : ActionSafety.Write,
            RetryWrites = options?.RetryWrites,
            CredentialId = credentialId,
            Content = body is null ? null : BinaryContent.Create(body),
            ContentType = "application/json",
        };
    }

    private Task<ClientResult> SendAsync(ParagonCall call, CancellationToken cancellationToken) => SendCoreAsync(call, async: true, cancellationToken);

    private ClientResult Send(ParagonCall call, CancellationToken cancellationToken) => SendCoreAsync(call, async: false, cancellationToken).GetAwaiter().GetResult();

    private async Task<ClientResult> SendCoreAsync(ParagonCall call, bool async, CancellationToken cancellationToken)
    {
        var response = await ParagonApiSender.SendCoreAsync(_core, _tokenProvider, call, async, cancellationToken).ConfigureAwait(false);
        return ClientResult.FromResponse(response);
    }

    private Task<ClientResult<T>> ReadAsync<T>(ParagonCall call, JsonReadFunc<T> read, CancellationToken cancellationToken) => ReadCoreAsync(call, read, async: true, cancellationToken);

    private ClientResult<T> Read<T>(ParagonCall call, JsonReadFunc<T> read, CancellationToken cancellationToken) => ReadCoreAsync(call, read, async: false, cancellationToken).GetAwaiter().GetResult();

    private async Task<ClientResult<T>> ReadCoreAsync<T>(ParagonCall call, JsonReadFunc<T> read, bool async, CancellationToken cancellationToken)
    {
        var response = await ParagonApiSender.SendCoreAsync(_core, _tokenProvider, call, async, cancellationToken).ConfigureAwait(false);
        try
        {
            return ClientResult.FromValue(ParagonJson.Parse(response.Content.ToMemory().Span, read), response);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw ParagonApiSender.InvalidResponse(response, call, ex);
        }
    }

    private static string Segment(string value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        CheckText(value, paramName);
        if (value is "." or ".." || value.Contains('/') || value.Contains('\\'))
        {
            throw new ArgumentException($"'{value}' is not an id: it must be one path segment.", paramName);
        }

        return Uri.EscapeDataString(value);
    }

    private static void CheckText(string value, string paramName)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException("The value contains a control character (CR, LF or similar).", paramName);
            }
        }
    }

    private static BinaryData JsonObject(BinaryData? json, string paramName)
    {
        var value = JsonValue(json ?? throw new ArgumentNullException(paramName), paramName);
        using var document = JsonDocument.Parse(value.ToMemory());
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"The value must be a JSON object, not {document.RootElement.ValueKind}.", paramName);
        }

        return value;
    }

    private static BinaryData JsonValue(BinaryData json, string paramName)
    {
        try
        {
            using var _ = JsonDocument.Parse(json.ToMemory());
            return json;
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("The value is not valid JSON: " + ex.Message, paramName, ex);
        }
    }
}
