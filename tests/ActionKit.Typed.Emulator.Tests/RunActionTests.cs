using System.Net;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Tests;

public sealed class RunActionTests : EmulatorTest
{
    [Fact]
    public async Task Annotated_result_is_synthesized_from_its_schema()
    {
        using var response = await RunAsync("SLACK_SEND_MESSAGE", """{"channel": "C1", "message": "hi"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var result = await ReadJsonAsync(response);
        result.GetProperty("ok").ValueKind.ShouldBeOneOf(JsonValueKind.True, JsonValueKind.False);
        result.GetProperty("channel").GetString().ShouldBe("C1"); // echoed from the parameters
        result.GetProperty("ts").GetString().ShouldStartWith("ts-");
        result.GetProperty("count").ValueKind.ShouldBe(JsonValueKind.Number);
        result.GetProperty("count").TryGetInt64(out _).ShouldBeTrue();
        result.GetProperty("score").ValueKind.ShouldBe(JsonValueKind.Number);
        result.GetProperty("status").GetString().ShouldBeOneOf("sent", "queued");
        DateTimeOffset.TryParse(result.GetProperty("created").GetString(), out _).ShouldBeTrue();
        var message = result.GetProperty("message");
        message.GetProperty("text").GetString().ShouldStartWith("text-");
        message.GetProperty("replies").GetArrayLength().ShouldBeInRange(2, 3);
    }

    [Fact]
    public async Task Recursive_refs_end_instead_of_looping()
    {
        using var response = await RunAsync("SLACK_SEND_MESSAGE", """{"channel": "C1", "message": "hi"}""");

        var depth = Depth((await ReadJsonAsync(response)).GetProperty("message"));
        depth.ShouldBeInRange(1, 4);

        static int Depth(JsonElement message) =>
            message.TryGetProperty("replies", out var replies) && replies.GetArrayLength() > 0 ? 1 + Depth(replies[0]) : 1;
    }

    [Fact]
    public async Task Same_action_and_parameters_give_the_same_bytes()
    {
        using var first = await RunAsync("SLACK_SEND_MESSAGE", """{"channel": "C1", "message": "hi"}""");
        using var reordered = await RunAsync("SLACK_SEND_MESSAGE", """{ "message": "hi", "channel": "C1" }""");
        using var other = await RunAsync("SLACK_SEND_MESSAGE", """{"channel": "C1", "message": "bye"}""");

        var bytes = await first.Content.ReadAsByteArrayAsync(Ct);
        (await reordered.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(bytes);
        (await other.Content.ReadAsByteArrayAsync(Ct)).ShouldNotBe(bytes);
    }

    [Fact]
    public async Task Same_result_from_a_new_emulator()
    {
        using var first = await RunAsync("SLACK_LIST_CHANNELS");
        var bytes = await first.Content.ReadAsByteArrayAsync(Ct);

        await StartAsync(TestCatalog.Options());
        using var again = await RunAsync("SLACK_LIST_CHANNELS");

        (await again.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(bytes);
    }

    [Fact]
    public async Task Dollar_defs_refs_are_resolved()
    {
        using var response = await RunAsync("SLACK_LIST_CHANNELS");

        var channels = (await ReadJsonAsync(response)).GetProperty("channels");
        channels.GetArrayLength().ShouldBeInRange(2, 3);
        channels[0].GetProperty("id").GetString().ShouldStartWith("id-");
        channels[0].GetProperty("name").GetString().ShouldStartWith("name-");
    }

    [Fact]
    public async Task Action_without_annotation_gets_a_generic_echo()
    {
        using var response = await RunAsync("NOTION_GET_PAGE_BY_ID", """{"pageId": "p-1"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await ReadJsonAsync(response);
        result.GetProperty("ok").GetBoolean().ShouldBeTrue();
        result.GetProperty("action").GetString().ShouldBe("NOTION_GET_PAGE_BY_ID");
        result.GetProperty("integration").GetString().ShouldBe("notion");
        result.GetProperty("parameters").GetProperty("pageId").GetString().ShouldBe("p-1");
    }

    [Fact]
    public async Task Tools_path_takes_the_tool_key()
    {
        using var response = await RunAsync("NOTION_SEARCH_PAGES", path: ToolsPath, key: "tool");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadJsonAsync(response)).GetProperty("action").GetString().ShouldBe("NOTION_SEARCH_PAGES");
    }

    [Fact]
    public async Task Actions_path_does_not_take_the_tool_key()
    {
        using var response = await RunAsync("NOTION_SEARCH_PAGES", key: "tool");

        (await ReadErrorAsync(response, 400, EmulatorErrorCodes.ValidationFailed)).ShouldContain("\"action\"");
    }

    [Fact]
    public async Task Unknown_action_is_404_with_the_error_body()
    {
        using var response = await RunAsync("SLACK_DOES_NOT_EXIST");

        (await ReadErrorAsync(response, 404, EmulatorErrorCodes.ActionNotFound)).ShouldContain("SLACK_DOES_NOT_EXIST");
    }

    [Fact]
    public async Task Missing_parameters_is_a_validation_error()
    {
        using var response = await Http.PostAsync(ActionsPath, JsonBody("""{"action": "NOTION_SEARCH_PAGES"}"""), Ct);

        (await ReadErrorAsync(response, 400, EmulatorErrorCodes.ValidationFailed)).ShouldContain("parameters");
    }

    [Fact]
    public async Task Missing_required_parameter_is_a_validation_error_that_names_it()
    {
        using var response = await RunAsync("SLACK_SEND_MESSAGE", """{"channel": "C1"}""");

        var message = await ReadErrorAsync(response, 400, EmulatorErrorCodes.ValidationFailed);
        message.ShouldContain("\"message\"");
        message.ShouldNotContain("\"channel\"");
    }

    [Fact]
    public async Task Body_that_is_not_json_is_a_validation_error()
    {
        using var response = await Http.PostAsync(ActionsPath, JsonBody("not json"), Ct);

        await ReadErrorAsync(response, 400, EmulatorErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task Disconnected_integration_says_integration_not_enabled_for_user()
    {
        Emulator.DisconnectIntegration("user-1", "slack");

        using var response = await RunAsync("SLACK_SEND_MESSAGE", """{"channel": "C1", "message": "hi"}""");
        using var otherIntegration = await RunAsync("NOTION_SEARCH_PAGES");

        (await ReadErrorAsync(response, 400, EmulatorErrorCodes.IntegrationNotEnabled)).ShouldBe("Integration not enabled for user.");
        otherIntegration.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Nothing_is_connected_when_the_options_say_so_until_a_test_connects_it()
    {
        var options = TestCatalog.Options();
        options.AllIntegrationsConnected = false;
        await StartAsync(options);

        using var before = await RunAsync("NOTION_SEARCH_PAGES");
        Emulator.ConnectIntegration("user-1", "notion");
        using var after = await RunAsync("NOTION_SEARCH_PAGES");

        (await ReadErrorAsync(before, 400, EmulatorErrorCodes.IntegrationNotEnabled)).ShouldBe("Integration not enabled for user.");
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Credential_header_selects_one_of_the_users_credentials()
    {
        Emulator.ConnectIntegration("user-1", "notion", "cred-a");
        Emulator.ConnectIntegration("user-1", "notion", "cred-b");

        using var a = await RunAsync("NOTION_SEARCH_PAGES", credential: "cred-a");
        using var b = await RunAsync("NOTION_SEARCH_PAGES", credential: "cred-b");
        using var unknown = await RunAsync("NOTION_SEARCH_PAGES", credential: "cred-c");

        a.StatusCode.ShouldBe(HttpStatusCode.OK);
        b.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadErrorAsync(unknown, 400, EmulatorErrorCodes.IntegrationNotEnabled)).ShouldBe("Integration not enabled for user.");
        Emulator.Journal.Select(r => r.CredentialId).ShouldBe(["cred-a", "cred-b", "cred-c"]);
    }

    [Fact]
    public async Task Disconnecting_one_credential_keeps_the_others()
    {
        Emulator.ConnectIntegration("user-1", "notion", "cred-a");
        Emulator.ConnectIntegration("user-1", "notion", "cred-b");
        Emulator.DisconnectIntegration("user-1", "notion", "cred-a");

        using var a = await RunAsync("NOTION_SEARCH_PAGES", credential: "cred-a");
        using var b = await RunAsync("NOTION_SEARCH_PAGES", credential: "cred-b");

        ((int)a.StatusCode).ShouldBe(400);
        b.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Scripted_result_wins_over_synthesis()
    {
        Emulator.SetResult("SLACK_SEND_MESSAGE", """{"ok": true, "ts": "1739896301.418839"}""");

        using var response = await RunAsync("SLACK_SEND_MESSAGE", """{"channel": "C1", "message": "hi"}""");

        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("""{"ok": true, "ts": "1739896301.418839"}""");
        Emulator.ClearResult("SLACK_SEND_MESSAGE").ShouldBeTrue();
        using var synthesized = await RunAsync("SLACK_SEND_MESSAGE", """{"channel": "C1", "message": "hi"}""");
        (await ReadJsonAsync(synthesized)).TryGetProperty("message", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Scripted_result_can_carry_a_status()
    {
        const string error = """{"message": "{\"message\":\"Unable to update Task\"}", "code": "41070", "status": 500, "meta": {"requestId": "4c7445d2-1972-4ed6-9e47-46053bf1d45f"}}""";
        Emulator.SetResult("NOTION_SEARCH_PAGES", 500, error);

        using var response = await RunAsync("NOTION_SEARCH_PAGES");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe(error);
    }

    [Fact]
    public void Scripted_result_must_be_json()
    {
        Should.Throw<ArgumentException>(() => Emulator.SetResult("NOTION_SEARCH_PAGES", "{nope")).ParamName.ShouldBe("json");
    }

    [Fact]
    public async Task Binary_result_is_streamed_with_type_and_file_name()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ActionsPath)
        {
            Content = JsonBody("""{"action": "GOOGLE_DRIVE_DOWNLOAD_FILE", "parameters": {"fileId": "f-1", "mimeType": "application/pdf"}}"""),
        };

        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("f-1.bin");
        response.Content.Headers.ContentLength.ShouldBe(16 * 1024);
        await using var stream = await response.Content.ReadAsStreamAsync(Ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        copy.Length.ShouldBe(16 * 1024);
        System.Text.Encoding.ASCII.GetString(copy.GetBuffer(), 0, 14).ShouldBe("emulator-file ");
    }

    [Fact]
    public async Task Binary_result_defaults_to_octet_stream_and_is_deterministic()
    {
        using var first = await RunAsync("GOOGLE_DRIVE_DOWNLOAD_FILE", """{"fileId": "f-1"}""");
        using var second = await RunAsync("GOOGLE_DRIVE_DOWNLOAD_FILE", """{"fileId": "f-1"}""");

        first.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
        (await first.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(await second.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Binary_result_length_follows_the_options()
    {
        var options = TestCatalog.Options();
        options.BinaryResultLength = 1_000_000;
        await StartAsync(options);

        using var response = await RunAsync("GOOGLE_DRIVE_DOWNLOAD_FILE", """{"fileId": "f-1"}""");

        (await response.Content.ReadAsByteArrayAsync(Ct)).Length.ShouldBe(1_000_000);
    }

    [Fact]
    public async Task Scripted_binary_result_is_returned_as_given()
    {
        Emulator.SetBinaryResult("GOOGLE_DRIVE_DOWNLOAD_FILE", [1, 2, 3], "image/png", "logo.png");

        using var response = await RunAsync("GOOGLE_DRIVE_DOWNLOAD_FILE", """{"fileId": "f-1"}""");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("logo.png");
        (await response.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(new byte[] { 1, 2, 3 });
    }

    [Fact]
    public async Task Wrong_method_is_405()
    {
        using var response = await Http.PutAsync(ActionsPath, JsonBody("{}"), Ct);

        await ReadErrorAsync(response, 405, EmulatorErrorCodes.MethodNotAllowed);
    }

    [Fact]
    public async Task Body_over_the_documented_limit_is_413()
    {
        var options = TestCatalog.Options();
        options.MaxRequestBodySize = 1024;
        await StartAsync(options);

        using var response = await RunAsync("NOTION_SEARCH_PAGES", $$"""{"query": "{{new string('x', 2000)}}"}""");

        (await ReadErrorAsync(response, 413, EmulatorErrorCodes.PayloadTooLarge)).ShouldContain("Proxy API");
    }
}
