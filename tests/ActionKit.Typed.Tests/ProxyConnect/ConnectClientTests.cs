using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.ProxyConnect;

/// <summary>Connect calls against the emulator over loopback: wire, typed entities, read-modify-write of config, workflows and events.</summary>
public sealed class ConnectClientTests : IClassFixture<ProxyConnectFixture>
{
    private readonly ProxyConnectFixture _fixture;

    public ConnectClientTests(ProxyConnectFixture fixture)
    {
        _fixture = fixture;
        fixture.Emulator.Reset();
    }

    private ActionKitEmulator Emulator => _fixture.Emulator;

    private string SlackCredential => Emulator.CredentialId(ProxyConnectFixture.UserId, "slack");

    [Fact]
    public async Task GetUser_reads_the_user_and_their_integrations()
    {
        var client = _fixture.CreateClient();

        var user = (await client.Connect.GetUserAsync(cancellationToken: TestContext.Current.CancellationToken)).Value;

        var wire = Emulator.Journal.ShouldHaveSingleItem();
        wire.Method.ShouldBe("GET");
        wire.Path.ShouldBe(_fixture.ConnectPath("me"));
        wire.Header("Authorization").ShouldBe("Bearer " + _fixture.Token);
        wire.Body.ShouldBeEmpty();
        user.Authenticated.ShouldBeTrue();
        user.UserId.ShouldBe(ProxyConnectFixture.UserId);
        var slack = user.Integrations["slack"];
        slack.Enabled.ShouldBeTrue();
        slack.CredentialId.ShouldBe(SlackCredential);
        slack.CredentialStatus.ShouldBe(CredentialStatus.Valid);
        slack.ExtensionData.ShouldContainKey("allCredentials");
    }

    [Fact]
    public async Task UpdateUserMetadata_patches_meta_and_the_user_shows_it()
    {
        var client = _fixture.CreateClient();
        var meta = new Dictionary<string, JsonElement>
        {
            ["Name"] = JsonDocument.Parse("\"Ada\"").RootElement,
            ["plan"] = JsonDocument.Parse("""{"tier":"pro","seats":3}""").RootElement,
        };

        await client.Connect.UpdateUserMetadataAsync(meta, cancellationToken: TestContext.Current.CancellationToken);
        var user = (await client.Connect.GetUserAsync(cancellationToken: TestContext.Current.CancellationToken)).Value;

        var wire = Emulator.Journal[0];
        wire.Method.ShouldBe("PATCH");
        wire.Path.ShouldBe(_fixture.ConnectPath("me"));
        wire.Header("Content-Type").ShouldBe("application/json");
        wire.BodyText.ShouldBe("""{"meta":{"Name":"Ada","plan":{"tier":"pro","seats":3}}}""");
        user.Meta["Name"].GetString().ShouldBe("Ada");
        user.Meta["plan"].GetProperty("seats").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task GetIntegrations_lists_the_projects_integrations_with_extension_data()
    {
        var client = _fixture.CreateClient();
        Emulator.ConnectIntegration(ProxyConnectFixture.UserId, "custom.tasklab");

        var integrations = (await client.Connect.GetIntegrationsAsync(cancellationToken: TestContext.Current.CancellationToken)).Value;

        Emulator.Journal.ShouldHaveSingleItem().Path.ShouldBe(_fixture.ConnectPath("integrations"));
        var slack = integrations.Single(i => i.Type == "slack");
        slack.Id.ShouldBe(Emulator.IntegrationId("slack"));
        slack.HasCredential.ShouldBe(true);
        slack.Workflows.Count.ShouldBe(2);
        slack.ExtensionData.ShouldContainKey("configs");
        var custom = integrations.Single(i => i.Type == "custom.tasklab");
        custom.CustomIntegrationId.ShouldBe(Emulator.CustomIntegrationId("custom.tasklab"));
    }

    [Fact]
    public async Task GetCredentials_lists_all_or_filters_by_integration()
    {
        var client = _fixture.CreateClient();

        var all = (await client.Connect.GetCredentialsAsync(cancellationToken: TestContext.Current.CancellationToken)).Value;
        var slack = (await client.Connect.GetCredentialsAsync("slack", cancellationToken: TestContext.Current.CancellationToken)).Value;

        var integrations = (await client.Connect.GetIntegrationsAsync(cancellationToken: TestContext.Current.CancellationToken)).Value;
        Emulator.Journal[0].Path.ShouldBe(_fixture.ConnectPath("credentials"));
        Emulator.Journal[1].Path.ShouldBe(_fixture.ConnectPath("credentials?integration=slack"));
        all.Count.ShouldBe(integrations.Count);
        var credential = slack.ShouldHaveSingleItem();
        credential.Id.ShouldBe(SlackCredential);
        credential.IntegrationId.ShouldBe(Emulator.IntegrationId("slack"));
        credential.Status.ShouldBe(CredentialStatus.Valid);
        credential.DateCreated.ShouldBe(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        credential.Config.ConfiguredWorkflows.Count.ShouldBe(2);
        credential.Config.SharedSettings["limit"].GetInt32().ShouldBe(25);
        credential.Config.ExtensionData.ShouldContainKey("fieldMappings");
        credential.ExtensionData.ShouldContainKey("integrationType");
    }

    [Fact]
    public async Task GetCredential_reads_one_and_an_unknown_id_is_not_found()
    {
        var client = _fixture.CreateClient();

        var credential = (await client.Connect.GetCredentialAsync(SlackCredential, cancellationToken: TestContext.Current.CancellationToken)).Value;
        var error = await Should.ThrowAsync<ParagonApiException>(() => client.Connect.GetCredentialAsync("no-such-credential", cancellationToken: TestContext.Current.CancellationToken));

        Emulator.Journal[0].Path.ShouldBe(_fixture.ConnectPath("credentials/" + SlackCredential));
        credential.Id.ShouldBe(SlackCredential);
        error.Kind.ShouldBe(ActionKitErrorKind.NotFound);
        error.Api.ShouldBe(ParagonApi.Connect);
        error.Method.ShouldBe("GET");
        error.Path.ShouldBe("sdk/credentials/no-such-credential");
        error.RequestId.ShouldNotBeNull();
    }

    [Fact]
    public async Task UpdateConfig_changes_one_setting_and_leaves_every_other_field_of_the_stored_config_unchanged()
    {
        var client = _fixture.CreateClient();
        var before = JsonNode.Parse(Emulator.GetCredentialConfig(SlackCredential, "slack"))!;

        var written = await client.Connect.UpdateConfigAsync(SlackCredential, config => config.SharedSettings["owner"] = JsonDocument.Parse("\"ada\"").RootElement, cancellationToken: TestContext.Current.CancellationToken);

        var wire = Emulator.Journal.Snapshot();
        wire.Count.ShouldBe(2);
        wire[0].Method.ShouldBe("GET");
        wire[0].Path.ShouldBe(_fixture.ConnectPath("credentials/" + SlackCredential));
        wire[1].Method.ShouldBe("PATCH");
        wire[1].Path.ShouldBe(_fixture.ConnectPath("credentials/" + SlackCredential));
        using (var body = JsonDocument.Parse(wire[1].Body))
        {
            body.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["config"]);
        }

        var expected = before.DeepClone();
        expected["sharedSettings"]!["owner"] = "ada";
        var after = JsonNode.Parse(Emulator.GetCredentialConfig(SlackCredential, "slack"))!;
        JsonNode.DeepEquals(after, expected).ShouldBeTrue($"stored: {after.ToJsonString()}\nexpected: {expected.ToJsonString()}");
        after["sharedSettings"]!["limit"]!.ToJsonString().ShouldBe("25");
        after["configuredWorkflows"]!.AsObject().First().Value!["settings"]!["threshold"]!.ToJsonString().ShouldBe("2.50");
        after["tags"]!.ToJsonString().ShouldBe("""["seeded",1.0,null]""");
        written.Value.SharedSettings["owner"].GetString().ShouldBe("ada");
    }

    [Fact]
    public async Task UpdateConfig_with_a_function_can_remove_a_workflow_and_keeps_the_rest()
    {
        var client = _fixture.CreateClient();
        var workflows = Emulator.WorkflowIds("slack");
        var before = JsonNode.Parse(Emulator.GetCredentialConfig(SlackCredential, "slack"))!;

        await client.Connect.UpdateConfigAsync(
            SlackCredential,
            (CredentialConfig config) =>
            {
                config.ConfiguredWorkflows.Remove(workflows[0]);
                return config;
            },
            cancellationToken: TestContext.Current.CancellationToken);

        var expected = before.DeepClone();
        expected["configuredWorkflows"]!.AsObject().Remove(workflows[0]);
        JsonNode.DeepEquals(JsonNode.Parse(Emulator.GetCredentialConfig(SlackCredential, "slack")), expected).ShouldBeTrue();
    }

    [Fact]
    public async Task SetWorkflowEnabled_flips_one_workflow_through_the_config()
    {
        var client = _fixture.CreateClient();
        var workflows = Emulator.WorkflowIds("slack");
        var before = JsonNode.Parse(Emulator.GetCredentialConfig(SlackCredential, "slack"))!;

        await client.Connect.SetWorkflowEnabledAsync(SlackCredential, workflows[1], true, cancellationToken: TestContext.Current.CancellationToken);
        await client.Connect.SetWorkflowEnabledAsync(SlackCredential, "new-workflow", true, cancellationToken: TestContext.Current.CancellationToken);

        var expected = before.DeepClone();
        expected["configuredWorkflows"]![workflows[1]]!["enabled"] = true;
        expected["configuredWorkflows"]!["new-workflow"] = new JsonObject { ["enabled"] = true, ["settings"] = new JsonObject() };
        var after = JsonNode.Parse(Emulator.GetCredentialConfig(SlackCredential, "slack"))!;
        JsonNode.DeepEquals(after, expected).ShouldBeTrue(after.ToJsonString());
        after["configuredWorkflows"]![workflows[1]]!["lastRunAt"]!.GetValue<string>().ShouldBe("2026-01-02T03:04:05.000Z");
    }

    [Fact]
    public async Task ReplaceCredentialConfig_sends_the_config_whole()
    {
        var client = _fixture.CreateClient();
        var config = CredentialConfig.Parse("""{"configuredWorkflows":{"w1":{"enabled":true,"settings":{}}},"custom":[1]}""");

        await client.Connect.ReplaceCredentialConfigAsync(SlackCredential, config, cancellationToken: TestContext.Current.CancellationToken);

        var wire = Emulator.Journal.ShouldHaveSingleItem();
        wire.Method.ShouldBe("PATCH");
        wire.BodyText.ShouldBe("""{"config":{"configuredWorkflows":{"w1":{"enabled":true,"settings":{}}},"custom":[1]}}""");
        Emulator.GetCredentialConfig(SlackCredential, "slack").ShouldBe("""{"configuredWorkflows":{"w1":{"enabled":true,"settings":{}}},"custom":[1]}""");
    }

    [Fact]
    public async Task Disconnect_deletes_the_integration_for_one_credential()
    {
        var client = _fixture.CreateClient();
        var second = Emulator.ConnectIntegration(ProxyConnectFixture.UserId, "slack", "cred-second");
        Emulator.ConnectIntegration(ProxyConnectFixture.UserId, "slack", "cred-first");
        Emulator.Journal.Clear();

        await client.Connect.DisconnectAsync(Emulator.IntegrationId("slack"), second, cancellationToken: TestContext.Current.CancellationToken);
        var remaining = (await client.Connect.GetCredentialsAsync("slack", cancellationToken: TestContext.Current.CancellationToken)).Value;

        var wire = Emulator.Journal[0];
        wire.Method.ShouldBe("DELETE");
        wire.Path.ShouldBe(_fixture.ConnectPath("integrations/" + Emulator.IntegrationId("slack")));
        wire.Header("X-Paragon-Credential").ShouldBe(second);
        remaining.Select(c => c.Id).ShouldBe(["cred-first"]);
    }

    [Fact]
    public async Task TriggerWorkflow_posts_the_body_and_returns_the_workflows_response()
    {
        var client = _fixture.CreateClient();
        var workflowId = Emulator.WorkflowIds("slack")[0];

        var response = (await client.Connect.TriggerWorkflowAsync(workflowId, new ContactCreated("Bowie", "b@example.com"), TestJson.Default.ContactCreated, cancellationToken: TestContext.Current.CancellationToken)).Value;

        var wire = Emulator.Journal.ShouldHaveSingleItem();
        wire.Method.ShouldBe("POST");
        wire.Path.ShouldBe(_fixture.ConnectPath("triggers/" + workflowId));
        wire.BodyText.ShouldBe("""{"name":"Bowie","email":"b@example.com"}""");
        response.Status.ShouldBe(200);
        response.Body.GetProperty("received").GetProperty("email").GetString().ShouldBe("b@example.com");
    }

    [Fact]
    public async Task SendEvent_posts_name_and_payload_to_the_v2_events_path()
    {
        var client = _fixture.CreateClient();

        await client.Connect.SendEventAsync("Contact Created", BinaryData.FromString("""{"name":"Brandon","email":"b@example.com"}"""), cancellationToken: TestContext.Current.CancellationToken);
        await client.Connect.SendEventAsync("Contact Created", new ContactCreated("Bowie", "c@example.com"), TestJson.Default.ContactCreated, cancellationToken: TestContext.Current.CancellationToken);

        var wire = Emulator.Journal.Snapshot();
        wire[0].Method.ShouldBe("POST");
        wire[0].Path.ShouldBe($"/v2/projects/{Emulator.ProjectId}/sdk/events/trigger");
        wire[0].BodyText.ShouldBe("""{"name":"Contact Created","payload":{"name":"Brandon","email":"b@example.com"}}""");
        wire[1].BodyText.ShouldBe("""{"name":"Contact Created","payload":{"name":"Bowie","email":"c@example.com"}}""");
    }

    [Fact]
    public async Task Every_connect_call_carries_the_scoped_credential()
    {
        var client = _fixture.CreateClient().WithCredential(SlackCredential);

        await client.Connect.GetUserAsync(cancellationToken: TestContext.Current.CancellationToken);
        await client.Connect.GetCredentialsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await client.Connect.SendEventAsync("e", BinaryData.FromString("{}"), new ConnectRequestOptions { CredentialId = "other" }, TestContext.Current.CancellationToken);

        var wire = Emulator.Journal.Snapshot();
        wire[0].Header("X-Paragon-Credential").ShouldBe(SlackCredential);
        wire[1].Header("X-Paragon-Credential").ShouldBe(SlackCredential);
        wire[2].Header("X-Paragon-Credential").ShouldBe("other");
    }

    [Fact]
    public async Task Reads_are_retried_and_writes_are_not()
    {
        var client = _fixture.CreateClient();

        Emulator.Faults.Enqueue(EmulatorFault.Status(503));
        await client.Connect.GetCredentialsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Emulator.Journal.Count.ShouldBe(2);

        Emulator.Journal.Clear();
        Emulator.Faults.Enqueue(EmulatorFault.Status(503));
        var error = await Should.ThrowAsync<ParagonApiException>(() => client.Connect.ReplaceCredentialConfigAsync(SlackCredential, new CredentialConfig(), cancellationToken: TestContext.Current.CancellationToken));
        error.Kind.ShouldBe(ActionKitErrorKind.Server);
        Emulator.Journal.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Bad_ids_and_bodies_are_refused_before_anything_is_sent()
    {
        var client = _fixture.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        (await Should.ThrowAsync<ArgumentException>(() => client.Connect.GetCredentialAsync("", cancellationToken: ct))).ParamName.ShouldBe("credentialId");
        (await Should.ThrowAsync<ArgumentException>(() => client.Connect.GetCredentialAsync("a/b", cancellationToken: ct))).ParamName.ShouldBe("credentialId");
        (await Should.ThrowAsync<ArgumentException>(() => client.Connect.GetCredentialAsync("..", cancellationToken: ct))).ParamName.ShouldBe("credentialId");
        (await Should.ThrowAsync<ArgumentException>(() => client.Connect.UpdateConfigAsync("a\r\nb", c => { }, cancellationToken: ct))).ParamName.ShouldBe("credentialId");
        (await Should.ThrowAsync<ArgumentException>(() => client.Connect.GetCredentialsAsync("slack\n", cancellationToken: ct))).ParamName.ShouldBe("integration");
        (await Should.ThrowAsync<ArgumentException>(() => client.Connect.DisconnectAsync("id", "c\r\n", cancellationToken: ct))).ParamName.ShouldBe("credentialId");
        (await Should.ThrowAsync<ArgumentException>(() => client.Connect.GetUserAsync(new ConnectRequestOptions { CredentialId = "c\n" }, ct))).ParamName.ShouldBe("options");
        (await Should.ThrowAsync<ArgumentException>(() => client.Connect.SendEventAsync(" ", BinaryData.FromString("{}"), cancellationToken: ct))).ParamName.ShouldBe("name");
        (await Should.ThrowAsync<ArgumentException>(() => client.Connect.SendEventAsync("e", BinaryData.FromString("[1]"), cancellationToken: ct))).ParamName.ShouldBe("payload");
        (await Should.ThrowAsync<ArgumentException>(() => client.Connect.TriggerWorkflowAsync("w", BinaryData.FromString("{nope"), cancellationToken: ct))).ParamName.ShouldBe("body");
        (await Should.ThrowAsync<ArgumentException>(() => client.Connect.SetWorkflowEnabledAsync(SlackCredential, "w\r\n", true, cancellationToken: ct))).ParamName.ShouldBe("workflowId");
        Emulator.Journal.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Each_connect_call_is_one_activity_with_its_operation()
    {
        using var collector = new ActivityCollector();
        var client = _fixture.CreateClient();

        await client.Connect.GetCredentialsAsync("slack", cancellationToken: TestContext.Current.CancellationToken);

        var activity = collector.Activities.ShouldHaveSingleItem();
        activity.OperationName.ShouldBe("ActionKit.Connect");
        activity.GetTagItem("actionkit.operation").ShouldBe("GetCredentials");
        activity.GetTagItem("http.request.method").ShouldBe("GET");
        activity.GetTagItem("actionkit.integration").ShouldBe("slack");
        activity.GetTagItem("http.response.status_code").ShouldBe(200);
    }
}
