using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActionKit.Typed.Emulator.Errors;
using ActionKit.Typed.Emulator.Hosting;
using ActionKit.Typed.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace ActionKit.Typed.Emulator.Endpoints;

/// <summary>
/// The Connect API under <c>/projects/{id}/sdk/</c>: the user (<c>me</c>), integrations and credentials, all backed
/// by the same connection state that decides whether a Run Action is "enabled for user"; request-triggered workflows
/// (<c>POST triggers/{workflowId}</c>) and App Events (<c>POST /v2/projects/{id}/sdk/events/trigger</c>).
/// </summary>
/// <remarks>
/// Shapes follow Paragon's documented samples, trimmed to the fields clients read. Credentials start with a seeded
/// <c>config</c> (see <see cref="ConnectSeeds"/>) that PATCH replaces whole. Assumptions: disconnect and events
/// answer 200 with <c>{}</c>; an unknown credential or workflow is 404 with the error body; a triggered workflow
/// answers with what it received.
/// </remarks>
internal static class ConnectEndpoint
{
    private const string Created = "2026-01-01T00:00:00.000Z";

    public static EmulatorResponse Handle(EmulatorState state, EmulatorRequest request)
    {
        var segments = request.Route.Rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = request.Method;
        return segments switch
        {
            ["me"] when HttpMethods.IsGet(method) => Json(w => WriteMe(w, state, request.UserId)),
            ["me"] when HttpMethods.IsPatch(method) => PatchMe(state, request),
            ["integrations"] when HttpMethods.IsGet(method) => Json(w => WriteIntegrations(w, state, request.UserId)),
            ["integrations", var id] when HttpMethods.IsDelete(method) => Disconnect(state, request, id),
            ["credentials"] when HttpMethods.IsGet(method) => Json(w => WriteCredentials(w, state, request.UserId, request.Query("integration"))),
            ["credentials", var id] when HttpMethods.IsGet(method) => GetCredential(state, request, id),
            ["credentials", var id] when HttpMethods.IsPatch(method) => PatchCredential(state, request, id),
            ["triggers", var workflowId] when HttpMethods.IsPost(method) => TriggerWorkflow(state, request, Uri.UnescapeDataString(workflowId)),
            ["v2", "events", "trigger"] when HttpMethods.IsPost(method) => SendEvent(request),
            ["me" or "integrations" or "credentials" or "triggers", ..] or ["v2", "events", "trigger"] => request.Error(405, EmulatorErrorCodes.MethodNotAllowed, $"{method} is not supported on /sdk/{request.Route.Rest} by the emulator."),
            _ => request.Error(404, EmulatorErrorCodes.NotFound, $"No Connect endpoint at /sdk/{request.Route.Rest}."),
        };
    }

    /// <summary>A stable UUID-shaped id for an integration.</summary>
    public static string IntegrationId(string integration) => ConnectionRegistry.DefaultCredentialId("#integration", integration);

    private static EmulatorResponse PatchMe(EmulatorState state, EmulatorRequest request)
    {
        if (ParseObject(request) is not { } body || body["meta"] is not JsonObject meta)
        {
            return request.Error(400, EmulatorErrorCodes.ValidationFailed, "The body must be {\"meta\": {…}}.");
        }

        state.Profiles.MergeMeta(request.UserId, meta);
        return Json(w => WriteMe(w, state, request.UserId));
    }

    private static EmulatorResponse Disconnect(EmulatorState state, EmulatorRequest request, string id)
    {
        var integration = Integrations(state, request.UserId).FirstOrDefault(i => string.Equals(i, id, StringComparison.OrdinalIgnoreCase) || IntegrationId(i) == id);
        if (integration is null)
        {
            return request.Error(404, EmulatorErrorCodes.NotFound, $"Integration '{id}' was not found.");
        }

        state.Connections.Disconnect(request.UserId, integration, request.CredentialId);
        return EmulatorResponse.Json(200, "{}"u8.ToArray());
    }

    private static EmulatorResponse GetCredential(EmulatorState state, EmulatorRequest request, string id) =>
        FindCredential(state, request.UserId, id) is { } integration
            ? Json(w => WriteCredential(w, state, request.UserId, integration, id))
            : request.Error(404, EmulatorErrorCodes.NotFound, $"Credential '{id}' was not found.");

    private static EmulatorResponse PatchCredential(EmulatorState state, EmulatorRequest request, string id)
    {
        if (FindCredential(state, request.UserId, id) is not { } integration)
        {
            return request.Error(404, EmulatorErrorCodes.NotFound, $"Credential '{id}' was not found.");
        }

        if (ParseObject(request) is not { } body || body["config"] is not JsonObject)
        {
            return request.Error(400, EmulatorErrorCodes.ValidationFailed, "The body must be {\"config\": {…}}; config is replaced whole.");
        }

        // Paragon replaces the whole config; clients that want a merge must read, modify and write it back.
        state.Profiles.ReplaceConfig(id, body["config"]);
        return Json(w => WriteCredential(w, state, request.UserId, integration, id));
    }

    private static EmulatorResponse TriggerWorkflow(EmulatorState state, EmulatorRequest request, string workflowId)
    {
        var integration = Integrations(state, request.UserId).FirstOrDefault(i => ConnectSeeds.WorkflowIds(i).Contains(workflowId, StringComparer.OrdinalIgnoreCase));
        if (integration is null)
        {
            return request.Error(404, EmulatorErrorCodes.NotFound, $"Workflow '{workflowId}' was not found in the project.");
        }

        if (!state.Connections.IsConnected(request.UserId, integration, request.CredentialId))
        {
            return request.Error(400, EmulatorErrorCodes.IntegrationNotEnabled, ErrorEnvelope.IntegrationNotEnabledMessage);
        }

        var received = ParseNode(request);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("workflowId", workflowId);
            w.WriteString("integration", integration);
            w.WriteString("userId", request.UserId);
            w.WritePropertyName("received");
            if (received is null)
            {
                w.WriteNullValue();
            }
            else
            {
                received.WriteTo(w);
            }

            w.WriteEndObject();
        });
    }

    private static EmulatorResponse SendEvent(EmulatorRequest request)
    {
        if (ParseObject(request) is not { } body || body["name"] is not JsonValue name || !name.TryGetValue<string>(out var text) ||
            string.IsNullOrWhiteSpace(text) || body["payload"] is not JsonObject)
        {
            return request.Error(400, EmulatorErrorCodes.ValidationFailed, "The body must be {\"name\": string, \"payload\": {…}}.");
        }

        return EmulatorResponse.Json(200, "{}"u8.ToArray());
    }

    private static string? FindCredential(EmulatorState state, string user, string credentialId) =>
        Integrations(state, user).FirstOrDefault(i => state.Connections.Credentials(user, i).Contains(credentialId, StringComparer.Ordinal));

    /// <summary>The catalog's integrations and any a test has scripted for the user.</summary>
    private static IEnumerable<string> Integrations(EmulatorState state, string user) =>
        state.Catalog.Integrations.Concat(state.Connections.ScriptedIntegrations(user)).Distinct(StringComparer.OrdinalIgnoreCase);

    private static void WriteMe(Utf8JsonWriter writer, EmulatorState state, string user)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("authenticated", true);
        writer.WriteString("userId", user);
        writer.WriteStartObject("integrations");
        foreach (var integration in Integrations(state, user))
        {
            var credentials = state.Connections.Credentials(user, integration);
            writer.WriteStartObject(integration);
            writer.WriteBoolean("enabled", credentials.Count > 0);
            if (credentials.Count > 0)
            {
                writer.WriteString("credentialId", credentials[0]);
                writer.WriteString("credentialStatus", "VALID");
                writer.WriteStartArray("allCredentials");
                foreach (var credential in credentials)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", credential);
                    writer.WriteString("status", "VALID");
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteStartObject("configuredWorkflows");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WritePropertyName("meta");
        state.Profiles.Meta(user).WriteTo(writer);
        writer.WriteEndObject();
    }

    private static void WriteIntegrations(Utf8JsonWriter writer, EmulatorState state, string user)
    {
        writer.WriteStartArray();
        foreach (var integration in Integrations(state, user))
        {
            writer.WriteStartObject();
            writer.WriteString("id", IntegrationId(integration));
            writer.WriteString("dateCreated", Created);
            writer.WriteString("dateUpdated", Created);
            writer.WriteString("projectId", state.ProjectId);
            var custom = ConnectSeeds.IsCustom(integration);
            if (custom)
            {
                writer.WriteString("customIntegrationId", ConnectSeeds.CustomIntegrationId(integration));
            }
            else
            {
                writer.WriteNull("customIntegrationId");
            }

            writer.WriteString("type", integration);
            writer.WriteBoolean("isActive", true);
            writer.WriteStartArray("configs");
            writer.WriteEndArray();
            writer.WriteStartArray("workflows");
            var workflows = ConnectSeeds.WorkflowIds(integration);
            for (var i = 0; i < workflows.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("id", workflows[i]);
                writer.WriteString("description", $"{integration} workflow {i + 1}");
                writer.WriteString("projectId", state.ProjectId);
                writer.WriteString("integrationId", IntegrationId(integration));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (custom)
            {
                writer.WriteStartObject("customIntegration");
                writer.WriteString("id", ConnectSeeds.CustomIntegrationId(integration));
                writer.WriteString("slug", integration["custom.".Length..]);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("customIntegration");
            }

            writer.WriteBoolean("hasCredential", state.Connections.Credentials(user, integration).Count > 0);
            writer.WriteString("name", integration);
            writer.WriteString("authenticationType", "oauth");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteCredentials(Utf8JsonWriter writer, EmulatorState state, string user, string? integrationFilter)
    {
        writer.WriteStartArray();
        foreach (var integration in Integrations(state, user))
        {
            if (integrationFilter is not null && !string.Equals(integrationFilter, integration, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var credential in state.Connections.Credentials(user, integration))
            {
                WriteCredential(writer, state, user, integration, credential);
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteCredential(Utf8JsonWriter writer, EmulatorState state, string user, string integration, string credentialId)
    {
        writer.WriteStartObject();
        writer.WriteString("id", credentialId);
        writer.WriteString("projectId", state.ProjectId);
        writer.WriteString("integrationId", IntegrationId(integration));
        writer.WriteString("integrationType", integration);
        writer.WriteString("personaId", user);
        writer.WriteString("status", "VALID");
        writer.WriteBoolean("isPreviewCredential", false);
        writer.WriteString("providerId", $"{integration}-account-{credentialId[..Math.Min(8, credentialId.Length)]}");
        writer.WriteString("dateCreated", Created);
        writer.WriteString("dateUpdated", Created);
        writer.WritePropertyName("config");
        state.Profiles.Config(credentialId, integration).WriteTo(writer);
        writer.WriteEndObject();
    }

    private static JsonNode? ParseNode(EmulatorRequest request)
    {
        try
        {
            return request.Recorded.Body.Length == 0 ? null : JsonNode.Parse(request.Recorded.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject? ParseObject(EmulatorRequest request)
    {
        try
        {
            return request.Recorded.Body.Length == 0 ? null : JsonNode.Parse(request.Recorded.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static EmulatorResponse Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            write(writer);
        }

        return EmulatorResponse.Json(200, buffer.WrittenMemory);
    }
}
