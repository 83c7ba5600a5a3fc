using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ActionKit.Typed.Emulator.Errors;
using ActionKit.Typed.Emulator.Hosting;
using ActionKit.Typed.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace ActionKit.Typed.Emulator.Endpoints;

/// <summary>
/// The Connect API under <c>/projects/{id}/sdk/</c>: <c>GET/PATCH me</c>, <c>GET integrations</c>,
/// <c>DELETE integrations/{id}</c>, <c>GET credentials[?integration=]</c>, <c>GET/PATCH credentials/{id}</c> (with
/// replace semantics on <c>config</c>), <c>POST triggers/{workflowId}</c>, and App Events at
/// <c>POST /v2/projects/{id}/sdk/events/trigger</c>.
/// </summary>
/// <remarks>
/// Shapes follow Paragon's documented samples; dates are fixed so responses are deterministic. Assumptions where
/// Paragon is silent: unknown credential, integration or workflow → 404; a PATCH without a <c>config</c> object → 400;
/// PATCH responses carry the updated entity; DELETE and events answer 200 with <c>{}</c>.
/// </remarks>
internal static class ConnectEndpoint
{
    private const string FixedDate = "2026-01-01T00:00:00.000Z";

    public static EmulatorResponse Handle(EmulatorState state, EmulatorRequest request)
    {
        var rest = request.Route.Rest;
        var method = request.Method;
        var segments = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments)
        {
            case ["me"] when HttpMethods.IsGet(method):
                return EmulatorResponse.Json(200, Write(w => WriteUser(w, state, request.UserId)));
            case ["me"] when HttpMethods.IsPatch(method):
                return PatchMe(state, request);
            case ["integrations"] when HttpMethods.IsGet(method):
                return EmulatorResponse.Json(200, Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var integration in state.Connect.Integrations)
                    {
                        WriteIntegration(w, state, request.UserId, integration);
                    }

                    w.WriteEndArray();
                }));
            case ["integrations", var id] when HttpMethods.IsDelete(method):
                return Disconnect(state, request, Uri.UnescapeDataString(id));
            case ["credentials"] when HttpMethods.IsGet(method):
                return ListCredentials(state, request);
            case ["credentials", var id] when HttpMethods.IsGet(method):
                return Find(state, request.UserId, Uri.UnescapeDataString(id)) is { } found
                    ? EmulatorResponse.Json(200, Write(w => WriteCredential(w, state, request.UserId, found.Integration, found.CredentialId)))
                    : request.Error(404, EmulatorErrorCodes.NotFound, $"Credential '{Uri.UnescapeDataString(id)}' was not found for this user.");
            case ["credentials", var id] when HttpMethods.IsPatch(method):
                return PatchCredential(state, request, Uri.UnescapeDataString(id));
            case ["triggers", var workflowId] when HttpMethods.IsPost(method):
                return TriggerWorkflow(state, request, Uri.UnescapeDataString(workflowId));
            case ["v2", "events", "trigger"] when HttpMethods.IsPost(method):
                return SendEvent(request);
            case ["me"] or ["integrations"] or ["integrations", _] or ["credentials"] or ["credentials", _] or ["triggers", _] or ["v2", "events", "trigger"]:
                return request.Error(405, EmulatorErrorCodes.MethodNotAllowed, $"{method} is not allowed on /sdk/{rest}.");
            default:
                return request.Error(404, EmulatorErrorCodes.NotFound, $"No Connect endpoint at /sdk/{rest}.");
        }
    }

    private static EmulatorResponse PatchMe(EmulatorState state, EmulatorRequest request)
    {
        using var document = request.TryParseBody();
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object ||
            !document.RootElement.TryGetProperty("meta", out var meta) || meta.ValueKind != JsonValueKind.Object)
        {
            return request.Error(400, EmulatorErrorCodes.ValidationFailed, "The body must be {\"meta\": {…}}.");
        }

        state.Connect.MergeMeta(request.UserId, meta);
        return EmulatorResponse.Json(200, Write(w => WriteUser(w, state, request.UserId)));
    }

    private static EmulatorResponse Disconnect(EmulatorState state, EmulatorRequest request, string integrationId)
    {
        var integration = state.Connect.FindById(integrationId);
        if (integration is null)
        {
            return request.Error(404, EmulatorErrorCodes.NotFound, $"Integration '{integrationId}' was not found in the project.");
        }

        var credentials = state.Connections.Credentials(request.UserId, integration.Type);
        if (request.CredentialId is { } credentialId && !credentials.Contains(credentialId, StringComparer.Ordinal))
        {
            return request.Error(404, EmulatorErrorCodes.NotFound, $"Credential '{credentialId}' is not connected to {integration.Type} for this user.");
        }

        state.Connections.Disconnect(request.UserId, integration.Type, request.CredentialId);
        return EmulatorResponse.Json(200, "{}"u8.ToArray());
    }

    private static EmulatorResponse ListCredentials(EmulatorState state, EmulatorRequest request)
    {
        var filter = request.Query("integration");
        return EmulatorResponse.Json(200, Write(w =>
        {
            w.WriteStartArray();
            foreach (var integration in state.Connect.Integrations)
            {
                if (!string.IsNullOrEmpty(filter) && !string.Equals(filter, integration.Type, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var credentialId in state.Connections.Credentials(request.UserId, integration.Type))
                {
                    WriteCredential(w, state, request.UserId, integration, credentialId);
                }
            }

            w.WriteEndArray();
        }));
    }

    private static EmulatorResponse PatchCredential(EmulatorState state, EmulatorRequest request, string credentialId)
    {
        var found = Find(state, request.UserId, credentialId);
        if (found is null)
        {
            return request.Error(404, EmulatorErrorCodes.NotFound, $"Credential '{credentialId}' was not found for this user.");
        }

        using var document = request.TryParseBody();
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object ||
            !document.RootElement.TryGetProperty("config", out var config) || config.ValueKind != JsonValueKind.Object)
        {
            return request.Error(400, EmulatorErrorCodes.ValidationFailed, "The body must be {\"config\": {…}}; config is replaced whole.");
        }

        // Replace semantics, as Paragon documents: the stored config becomes exactly what was sent.
        state.Connect.SetConfig(credentialId, Write(config.WriteTo));
        return EmulatorResponse.Json(200, Write(w => WriteCredential(w, state, request.UserId, found.Value.Integration, credentialId)));
    }

    private static EmulatorResponse TriggerWorkflow(EmulatorState state, EmulatorRequest request, string workflowId)
    {
        var integration = state.Connect.FindWorkflow(workflowId);
        if (integration is null)
        {
            return request.Error(404, EmulatorErrorCodes.NotFound, $"Workflow '{workflowId}' was not found in the project.");
        }

        if (!state.Connections.IsConnected(request.UserId, integration.Type, request.CredentialId))
        {
            return request.Error(400, EmulatorErrorCodes.IntegrationNotEnabled, ErrorEnvelope.IntegrationNotEnabledMessage);
        }

        using var document = request.TryParseBody();
        return EmulatorResponse.Json(200, Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("workflowId", workflowId);
            w.WriteString("integration", integration.Type);
            w.WriteString("userId", request.UserId);
            w.WritePropertyName("received");
            if (document is null)
            {
                w.WriteNullValue();
            }
            else
            {
                document.RootElement.WriteTo(w);
            }

            w.WriteEndObject();
        }));
    }

    private static EmulatorResponse SendEvent(EmulatorRequest request)
    {
        using var document = request.TryParseBody();
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object ||
            !document.RootElement.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString()) ||
            !document.RootElement.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return request.Error(400, EmulatorErrorCodes.ValidationFailed, "The body must be {\"name\": string, \"payload\": {…}}.");
        }

        return EmulatorResponse.Json(200, "{}"u8.ToArray());
    }

    private static (EmulatedIntegration Integration, string CredentialId)? Find(EmulatorState state, string user, string credentialId)
    {
        foreach (var integration in state.Connect.Integrations)
        {
            if (state.Connections.Credentials(user, integration.Type).Contains(credentialId, StringComparer.Ordinal))
            {
                return (integration, credentialId);
            }
        }

        return null;
    }

    private static void WriteUser(Utf8JsonWriter w, EmulatorState state, string user)
    {
        w.WriteStartObject();
        w.WriteBoolean("authenticated", true);
        w.WriteString("userId", user);
        w.WriteStartObject("integrations");
        foreach (var integration in state.Connect.Integrations)
        {
            var credentials = state.Connections.Credentials(user, integration.Type);
            w.WriteStartObject(integration.Type);
            w.WriteBoolean("enabled", credentials.Count > 0);
            if (credentials.Count > 0)
            {
                using var config = JsonDocument.Parse(state.Connect.GetConfig(credentials[0], integration.Type));
                w.WritePropertyName("configuredWorkflows");
                if (config.RootElement.TryGetProperty("configuredWorkflows", out var workflows))
                {
                    workflows.WriteTo(w);
                }
                else
                {
                    w.WriteStartObject();
                    w.WriteEndObject();
                }

                w.WriteString("credentialId", credentials[0]);
                w.WriteString("credentialStatus", "VALID");
                w.WriteString("providerId", ConnectStore.StableId("provider", user + "\n" + credentials[0]));
                w.WriteStartObject("providerData");
                w.WriteEndObject();
                w.WriteStartArray("allCredentials");
                foreach (var id in credentials)
                {
                    WriteCredential(w, state, user, integration, id);
                }

                w.WriteEndArray();
            }
            else
            {
                w.WriteStartObject("configuredWorkflows");
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("meta");
        foreach (var pair in state.Connect.GetMeta(user))
        {
            w.WritePropertyName(pair.Key);
            pair.Value.WriteTo(w);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteIntegration(Utf8JsonWriter w, EmulatorState state, string user, EmulatedIntegration integration)
    {
        w.WriteStartObject();
        w.WriteString("id", integration.Id);
        w.WriteString("dateCreated", FixedDate);
        w.WriteString("dateUpdated", FixedDate);
        w.WriteString("projectId", state.ProjectId);
        if (integration.CustomIntegrationId is null)
        {
            w.WriteNull("customIntegrationId");
        }
        else
        {
            w.WriteString("customIntegrationId", integration.CustomIntegrationId);
        }

        w.WriteString("type", integration.Type);
        w.WriteBoolean("isActive", true);
        w.WriteStartArray("configs");
        w.WriteEndArray();
        w.WriteStartArray("workflows");
        for (var i = 0; i < integration.WorkflowIds.Count; i++)
        {
            w.WriteStartObject();
            w.WriteString("id", integration.WorkflowIds[i]);
            w.WriteString("description", $"{integration.Name} workflow {i + 1}");
            w.WriteString("projectId", state.ProjectId);
            w.WriteString("integrationId", integration.Id);
            w.WriteStartArray("steps");
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (integration.CustomIntegrationId is null)
        {
            w.WriteNull("customIntegration");
        }
        else
        {
            w.WriteStartObject("customIntegration");
            w.WriteString("id", integration.CustomIntegrationId);
            w.WriteString("name", integration.Name);
            w.WriteString("slug", integration.Type["custom.".Length..]);
            w.WriteEndObject();
        }

        w.WriteBoolean("hasCredential", state.Connections.Credentials(user, integration.Type).Count > 0);
        w.WriteNumber("connectedUserLimitOnDevCred", 0);
        w.WriteBoolean("connectedUserLimitReached", false);
        w.WriteString("name", integration.Name);
        w.WriteString("brandColor", "#4A154B");
        w.WriteBoolean("needPreOauthInputs", false);
        w.WriteString("providerType", integration.Type);
        w.WriteString("authenticationType", "oauth");
        w.WriteEndObject();
    }

    private static void WriteCredential(Utf8JsonWriter w, EmulatorState state, string user, EmulatedIntegration integration, string credentialId)
    {
        w.WriteStartObject();
        w.WriteString("id", credentialId);
        w.WriteString("dateCreated", FixedDate);
        w.WriteString("dateUpdated", FixedDate);
        w.WriteNull("dateDeleted");
        w.WriteString("projectId", state.ProjectId);
        w.WriteString("integrationId", integration.Id);
        w.WriteString("personaId", ConnectStore.StableId("persona", user));
        w.WritePropertyName("config");
        using (var config = JsonDocument.Parse(state.Connect.GetConfig(credentialId, integration.Type)))
        {
            config.RootElement.WriteTo(w);
        }

        w.WriteBoolean("isPreviewCredential", false);
        w.WriteString("providerId", ConnectStore.StableId("provider", user + "\n" + credentialId));
        w.WriteString("status", "VALID");
        w.WriteStartObject("providerData");
        w.WriteEndObject();
        w.WriteNumber("refreshFailureCount", 0);
        w.WriteString("dateRefreshed", FixedDate);
        w.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
