using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActionKit.Typed.Emulator.Tests;

public sealed class ConnectEndpointTests : EmulatorTest
{
    private string Sdk(string rest) => $"projects/{Emulator.ProjectId}/sdk/{rest}";

    private string SlackCredential => Emulator.CredentialId("user-1", "slack");

    [Fact]
    public async Task Me_reports_the_user_integrations_and_merged_metadata()
    {
        using var patch = await Http.PatchAsync(Sdk("me"), JsonBody("""{"meta":{"Name":"Ada"}}"""), Ct);
        using var patch2 = await Http.PatchAsync(Sdk("me"), JsonBody("""{"meta":{"Email":"a@example.com"}}"""), Ct);
        using var bad = await Http.PatchAsync(Sdk("me"), JsonBody("""{"Name":"Ada"}"""), Ct);
        using var me = await Http.GetAsync(Sdk("me"), Ct);

        patch.StatusCode.ShouldBe(HttpStatusCode.OK);
        await ReadErrorAsync(bad, 400, EmulatorErrorCodes.ValidationFailed);
        var user = await ReadJsonAsync(me);
        user.GetProperty("authenticated").GetBoolean().ShouldBeTrue();
        user.GetProperty("userId").GetString().ShouldBe("user-1");
        user.GetProperty("meta").GetProperty("Name").GetString().ShouldBe("Ada");
        user.GetProperty("meta").GetProperty("Email").GetString().ShouldBe("a@example.com");
        var slack = user.GetProperty("integrations").GetProperty("slack");
        slack.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        slack.GetProperty("credentialId").GetString().ShouldBe(SlackCredential);
        slack.GetProperty("credentialStatus").GetString().ShouldBe("VALID");
    }

    [Fact]
    public async Task Integrations_list_the_project_with_workflows_and_the_custom_integration()
    {
        Emulator.ConnectIntegration("user-1", "custom.tasklab");
        using var response = await Http.GetAsync(Sdk("integrations"), Ct);

        var integrations = (await ReadJsonAsync(response)).EnumerateArray().ToArray();
        integrations.Select(i => i.GetProperty("type").GetString()).ShouldContain("slack");
        var custom = integrations.Single(i => i.GetProperty("type").GetString() == "custom.tasklab");
        custom.GetProperty("customIntegrationId").GetString().ShouldBe(Emulator.CustomIntegrationId("custom.tasklab"));
        custom.GetProperty("customIntegration").GetProperty("slug").GetString().ShouldBe("tasklab");
        var slack = integrations.Single(i => i.GetProperty("type").GetString() == "slack");
        slack.GetProperty("id").GetString().ShouldBe(Emulator.IntegrationId("slack"));
        slack.GetProperty("workflows").EnumerateArray().Select(w => w.GetProperty("id").GetString()).ShouldBe(Emulator.WorkflowIds("slack"));
        slack.GetProperty("hasCredential").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Credentials_are_listed_filtered_and_read_by_id()
    {
        using var all = await Http.GetAsync(Sdk("credentials"), Ct);
        using var slack = await Http.GetAsync(Sdk("credentials?integration=slack"), Ct);
        using var one = await Http.GetAsync(Sdk("credentials/" + SlackCredential), Ct);
        using var missing = await Http.GetAsync(Sdk("credentials/nope"), Ct);

        (await ReadJsonAsync(all)).GetArrayLength().ShouldBe(4); // slack, googledrive, hubspot, notion: one default credential each
        var listed = (await ReadJsonAsync(slack)).EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("id").GetString().ShouldBe(SlackCredential);
        listed.GetProperty("status").GetString().ShouldBe("VALID");
        listed.GetProperty("config").GetProperty("configuredWorkflows").EnumerateObject().Count().ShouldBe(2);
        (await ReadJsonAsync(one)).GetProperty("integrationId").GetString().ShouldBe(Emulator.IntegrationId("slack"));
        await ReadErrorAsync(missing, 404, EmulatorErrorCodes.NotFound);
    }

    [Fact]
    public async Task Patching_a_credential_replaces_its_config_whole()
    {
        using var patch = await Http.PatchAsync(Sdk("credentials/" + SlackCredential), JsonBody("""{"config":{"sharedSettings":{"a":1}}}"""), Ct);
        using var noConfig = await Http.PatchAsync(Sdk("credentials/" + SlackCredential), JsonBody("""{"sharedSettings":{}}"""), Ct);

        patch.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadJsonAsync(patch)).GetProperty("config").GetRawText().ShouldBe("""{"sharedSettings":{"a":1}}""");
        Emulator.GetCredentialConfig(SlackCredential, "slack").ShouldBe("""{"sharedSettings":{"a":1}}""");
        await ReadErrorAsync(noConfig, 400, EmulatorErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task Seeded_configs_hold_fields_an_sdk_could_lose()
    {
        var config = JsonNode.Parse(Emulator.GetCredentialConfig(SlackCredential, "slack"))!.AsObject();

        config.Select(p => p.Key).ShouldBe(["configuredWorkflows", "sharedSettings", "fieldMappings", "tags"]);
        config["tags"]!.ToJsonString().ShouldBe("""["seeded",1.0,null]""");
    }

    [Fact]
    public async Task Deleting_an_integration_disconnects_one_credential_or_all()
    {
        Emulator.ConnectIntegration("user-1", "hubspot", "h1");
        Emulator.ConnectIntegration("user-1", "hubspot", "h2");
        var hubspot = Emulator.IntegrationId("hubspot");

        using var one = new HttpRequestMessage(HttpMethod.Delete, Sdk("integrations/" + hubspot));
        one.Headers.Add("X-Paragon-Credential", "h1");
        using var oneResponse = await Http.SendAsync(one, Ct);
        using var afterOne = await Http.GetAsync(Sdk("credentials?integration=hubspot"), Ct);
        using var all = await Http.DeleteAsync(Sdk("integrations/" + hubspot), Ct);
        using var afterAll = await Http.GetAsync(Sdk("credentials?integration=hubspot"), Ct);
        using var unknown = await Http.DeleteAsync(Sdk("integrations/nope"), Ct);

        oneResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadJsonAsync(afterOne)).EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldBe(["h2"]);
        all.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadJsonAsync(afterAll)).GetArrayLength().ShouldBe(0);
        await ReadErrorAsync(unknown, 404, EmulatorErrorCodes.NotFound);
    }

    [Fact]
    public async Task Request_triggered_workflows_answer_with_what_they_received()
    {
        var workflowId = Emulator.WorkflowIds("slack")[1];

        using var response = await Http.PostAsync(Sdk("triggers/" + workflowId), JsonBody("""{"email":"a@example.com"}"""), Ct);
        using var unknown = await Http.PostAsync(Sdk("triggers/nope"), JsonBody("{}"), Ct);

        var body = await ReadJsonAsync(response);
        body.GetProperty("workflowId").GetString().ShouldBe(workflowId);
        body.GetProperty("received").GetProperty("email").GetString().ShouldBe("a@example.com");
        await ReadErrorAsync(unknown, 404, EmulatorErrorCodes.NotFound);
    }

    [Fact]
    public async Task App_events_are_accepted_at_the_v2_path_and_validated()
    {
        var path = $"v2/projects/{Emulator.ProjectId}/sdk/events/trigger";

        using var ok = await Http.PostAsync(path, JsonBody("""{"name":"Contact Created","payload":{"a":1}}"""), Ct);
        using var bad = await Http.PostAsync(path, JsonBody("""{"name":"Contact Created","payload":[1]}"""), Ct);
        using var get = await Http.GetAsync(path, Ct);

        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        await ReadErrorAsync(bad, 400, EmulatorErrorCodes.ValidationFailed);
        await ReadErrorAsync(get, 405, EmulatorErrorCodes.MethodNotAllowed);
        Emulator.Journal.ForPath("/events/trigger").Count.ShouldBe(3);
    }

    [Fact]
    public async Task Unknown_connect_paths_are_not_found()
    {
        using var response = await Http.GetAsync(Sdk("nothing/here"), Ct);

        await ReadErrorAsync(response, 404, EmulatorErrorCodes.NotFound);
    }
}
