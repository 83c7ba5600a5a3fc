using System.Net;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Tests;

public sealed class ListActionsTests : EmulatorTest
{
    [Fact]
    public async Task Actions_path_groups_tools_by_integration_under_actions()
    {
        using var response = await Http.GetAsync(ActionsPath, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await ReadJsonAsync(response);
        body.GetProperty("errors").GetArrayLength().ShouldBe(0);
        var groups = body.GetProperty("actions");
        groups.EnumerateObject().Select(p => p.Name).ShouldBe(["slack", "googledrive", "hubspot", "notion"]);
        groups.GetProperty("slack").EnumerateArray().Select(Name).ShouldBe(["SLACK_SEND_MESSAGE", "SLACK_LIST_CHANNELS"]);
        groups.GetProperty("notion").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Tools_are_written_back_exactly_as_the_schema_gave_them()
    {
        using var response = await Http.GetAsync(ActionsPath + "?integrations=googledrive", Ct);

        var tool = (await ReadJsonAsync(response)).GetProperty("actions").GetProperty("googledrive")[0];
        using var expected = JsonDocument.Parse(TestCatalog.GoogleDrive);
        var original = expected.RootElement.GetProperty("actions").GetProperty("googledrive")[0];
        JsonElement.DeepEquals(tool, original).ShouldBeTrue();
        tool.GetProperty("function").GetProperty("description").GetString().ShouldBe("Download a file – returns its bytes");
    }

    [Fact]
    public async Task Tools_path_uses_the_tools_key()
    {
        using var response = await Http.GetAsync(ToolsPath, Ct);

        var body = await ReadJsonAsync(response);
        body.TryGetProperty("actions", out _).ShouldBeFalse();
        body.GetProperty("tools").GetProperty("slack").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Integrations_filter_keeps_only_the_named_integrations()
    {
        using var response = await Http.GetAsync(ActionsPath + "?format=json_schema&integrations=slack,NOTION&categories=crm&reload_fields=true", Ct);

        var groups = (await ReadJsonAsync(response)).GetProperty("actions");
        groups.EnumerateObject().Select(p => p.Name).ShouldBe(["slack", "notion"]);
    }

    [Fact]
    public async Task Limit_to_available_hides_integrations_the_user_has_not_connected()
    {
        Emulator.DisconnectIntegration("user-1", "slack");

        using var available = await Http.GetAsync(ActionsPath, Ct);
        using var all = await Http.GetAsync(ActionsPath + "?limit_to_available=false", Ct);

        (await ReadJsonAsync(available)).GetProperty("actions").TryGetProperty("slack", out _).ShouldBeFalse();
        (await ReadJsonAsync(all)).GetProperty("actions").TryGetProperty("slack", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Trailing_slash_is_accepted()
    {
        using var response = await Http.GetAsync(ActionsPath + "/", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unsupported_format_is_a_validation_error()
    {
        using var response = await Http.GetAsync(ActionsPath + "?format=paragon", Ct);

        (await ReadErrorAsync(response, 400, EmulatorErrorCodes.ValidationFailed)).ShouldContain("paragon");
    }

    [Fact]
    public async Task Another_project_is_not_found()
    {
        using var response = await Http.GetAsync("projects/someone-else/actions", Ct);

        await ReadErrorAsync(response, 404, EmulatorErrorCodes.NotFound);
    }

    private static string Name(JsonElement tool) => tool.GetProperty("function").GetProperty("name").GetString()!;
}
