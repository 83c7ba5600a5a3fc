using System.Net;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Tests;

public sealed class ConnectTests : EmulatorTest
{
    private string Sdk(string rest) => $"projects/{Emulator.ProjectId}/sdk/{rest}";

    [Fact]
    public async Task Me_lists_the_users_integrations_and_credentials()
    {
        Emulator.DisconnectIntegration("user-1", "notion");
        var credential = Emulator.ConnectIntegration("user-1", "salesforce", "cred-sf");

        using var response = await Http.GetAsync(Sdk("me"), Ct);

        var me = await ReadJsonAsync(response);
        me.GetProperty("authenticated").GetBoolean().ShouldBeTrue();
        me.GetProperty("userId").GetString().ShouldBe("user-1");
        var integrations = me.GetProperty("integrations");
        integrations.GetProperty("slack").GetProperty("enabled").GetBoolean().ShouldBeTrue();
        integrations.GetProperty("notion").GetProperty("enabled").GetBoolean().ShouldBeFalse();
        integrations.GetProperty("salesforce").GetProperty("credentialId").GetString().ShouldBe(credential);
    }

    [Fact]
    public async Task Patch_me_merges_metadata()
    {
        using var first = await Http.PatchAsync(Sdk("me"), JsonBody("""{"meta": {"Name": "Ada", "plan": "pro"}}"""), Ct);
        using var second = await Http.PatchAsync(Sdk("me"), JsonBody("""{"meta": {"plan": "team"}}"""), Ct);

        var meta = (await ReadJsonAsync(second)).GetProperty("meta");
        meta.GetProperty("Name").GetString().ShouldBe("Ada");
        meta.GetProperty("plan").GetString().ShouldBe("team");
    }

    [Fact]
    public async Task Integrations_say_which_have_a_credential()
    {
        Emulator.DisconnectIntegration("user-1", "hubspot");

        using var response = await Http.GetAsync(Sdk("integrations"), Ct);

        var list = (await ReadJsonAsync(response)).EnumerateArray().ToArray();
        list.Select(i => i.GetProperty("type").GetString()).ShouldBe(["slack", "googledrive", "hubspot", "notion"]);
        list.Single(i => i.GetProperty("type").GetString() == "hubspot").GetProperty("hasCredential").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Credentials_can_be_listed_read_and_their_config_replaced()
    {
        Emulator.ConnectIntegration("user-1", "slack", "cred-a");
        Emulator.ConnectIntegration("user-1", "slack", "cred-b");

        using var list = await Http.GetAsync(Sdk("credentials?integration=slack"), Ct);
        using var patch1 = await Http.PatchAsync(Sdk("credentials/cred-b"), JsonBody("""{"config": {"a": 1, "b": 2}}"""), Ct);
        using var patch2 = await Http.PatchAsync(Sdk("credentials/cred-b"), JsonBody("""{"config": {"c": 3}}"""), Ct);
        using var get = await Http.GetAsync(Sdk("credentials/cred-b"), Ct);
        using var missing = await Http.GetAsync(Sdk("credentials/nope"), Ct);

        (await ReadJsonAsync(list)).EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldBe(["cred-a", "cred-b"]);
        var config = (await ReadJsonAsync(get)).GetProperty("config");
        config.TryGetProperty("a", out _).ShouldBeFalse(); // replaced, not merged
        config.GetProperty("c").GetInt32().ShouldBe(3);
        await ReadErrorAsync(missing, 404, EmulatorErrorCodes.NotFound);
    }

    [Fact]
    public async Task Deleting_an_integration_disconnects_it_for_runs()
    {
        using var delete = await Http.DeleteAsync(Sdk("integrations/notion"), Ct);
        using var run = await RunAsync("NOTION_SEARCH_PAGES");

        delete.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadErrorAsync(run, 400, EmulatorErrorCodes.IntegrationNotEnabled)).ShouldBe("Integration not enabled for user.");
    }

    [Fact]
    public async Task Deleting_by_integration_id_with_a_credential_removes_only_that_credential()
    {
        Emulator.ConnectIntegration("user-1", "slack", "cred-a");
        Emulator.ConnectIntegration("user-1", "slack", "cred-b");
        using var integrations = await Http.GetAsync(Sdk("integrations"), Ct);
        var slackId = (await ReadJsonAsync(integrations)).EnumerateArray().Single(i => i.GetProperty("type").GetString() == "slack").GetProperty("id").GetString();
        var delete = new HttpRequestMessage(HttpMethod.Delete, Sdk($"integrations/{slackId}"));
        delete.Headers.Add("X-Paragon-Credential", "cred-a");

        using var deleted = await Http.SendAsync(delete, Ct);
        using var a = await RunAsync("SLACK_LIST_CHANNELS", credential: "cred-a");
        using var b = await RunAsync("SLACK_LIST_CHANNELS", credential: "cred-b");

        deleted.StatusCode.ShouldBe(HttpStatusCode.OK);
        ((int)a.StatusCode).ShouldBe(400);
        b.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_connect_path_is_404()
    {
        using var response = await Http.GetAsync(Sdk("workflows"), Ct);

        await ReadErrorAsync(response, 404, EmulatorErrorCodes.NotFound);
    }
}
