using System.Net;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Tests;

public sealed class ProxyTests : EmulatorTest
{
    private string ProxyPath(string rest) => $"projects/{Emulator.ProjectId}/sdk/proxy/{rest}";

    [Fact]
    public async Task Unscripted_call_echoes_what_would_be_forwarded_inside_output()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ProxyPath("slack/chat.postMessage?x=1")) { Content = JsonBody("""{"channel": "C1"}""") };
        request.Headers.Add("X-Paragon-Credential", "cred-1");
        Emulator.ConnectIntegration("user-1", "slack", "cred-1");

        using var response = await Http.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var output = (await ReadJsonAsync(response)).GetProperty("output");
        output.GetProperty("integration").GetString().ShouldBe("slack");
        output.GetProperty("method").GetString().ShouldBe("POST");
        output.GetProperty("path").GetString().ShouldBe("/chat.postMessage");
        output.GetProperty("query").GetProperty("x").GetString().ShouldBe("1");
        output.GetProperty("body").GetProperty("channel").GetString().ShouldBe("C1");
        output.GetProperty("credentialId").GetString().ShouldBe("cred-1");
    }

    [Fact]
    public async Task Scripted_json_is_wrapped_in_output()
    {
        Emulator.SetProxyResult("slack", "/conversations.list", """{"ok": true, "channels": []}""");

        using var response = await Http.GetAsync(ProxyPath("slack/conversations.list?limit=5"), Ct);

        var body = await ReadJsonAsync(response);
        body.GetProperty("output").GetProperty("ok").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    public async Task Raw_mode_returns_the_provider_bytes_unwrapped(string flag)
    {
        Emulator.SetProxyResult("googledrive", "/files/f1", [0x25, 0x50, 0x44, 0x46], "application/pdf", fileName: "f1.pdf");
        var request = new HttpRequestMessage(HttpMethod.Get, ProxyPath("googledrive/files/f1"));
        request.Headers.Add("X-Paragon-Use-Raw-Response", flag);

        using var response = await Http.SendAsync(request, Ct);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await response.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(new byte[] { 0x25, 0x50, 0x44, 0x46 });
    }

    [Fact]
    public async Task Scripted_provider_error_is_an_integration_error()
    {
        Emulator.SetProxyResult("slack", "chat.postMessage", """{"ok": false, "error": "channel_not_found"}""", status: 404);

        using var response = await Http.PostAsync(ProxyPath("slack/chat.postMessage"), JsonBody("{}"), Ct);

        var message = await ReadErrorAsync(response, 404, EmulatorErrorCodes.IntegrationError);
        message.ShouldContain("channel_not_found");
        (await ReadJsonAsync(response)).GetProperty("meta").GetProperty("isIntegrationError").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Custom_integrations_by_slug_and_by_id()
    {
        using var bySlug = await Http.GetAsync(ProxyPath("custom.tasklab/tasks"), Ct);
        using var byId = await Http.GetAsync(ProxyPath("custom/3f0c3c1e-0000-4000-8000-000000000001/tasks/7"), Ct);

        (await ReadJsonAsync(bySlug)).GetProperty("output").GetProperty("integration").GetString().ShouldBe("custom.tasklab");
        var output = (await ReadJsonAsync(byId)).GetProperty("output");
        output.GetProperty("integration").GetString().ShouldBe("custom/3f0c3c1e-0000-4000-8000-000000000001");
        output.GetProperty("path").GetString().ShouldBe("/tasks/7");
    }

    [Fact]
    public async Task Full_url_override_in_the_path_or_header()
    {
        using var inPath = await Http.GetAsync(ProxyPath("googledrive/https://sheets.googleapis.com/v4/spreadsheets"), Ct);
        var request = new HttpRequestMessage(HttpMethod.Get, ProxyPath("googledrive"));
        request.Headers.Add("X-Paragon-Proxy-Url", "https://www.googleapis.com/drive/v3/files?q=x");
        using var inHeader = await Http.SendAsync(request, Ct);

        (await ReadJsonAsync(inPath)).GetProperty("output").GetProperty("url").GetString().ShouldBe("https://sheets.googleapis.com/v4/spreadsheets");
        (await ReadJsonAsync(inHeader)).GetProperty("output").GetProperty("url").GetString().ShouldBe("https://www.googleapis.com/drive/v3/files?q=x");
        Emulator.Journal.Last!.Headers["X-Paragon-Proxy-Url"].ShouldBe("https://www.googleapis.com/drive/v3/files?q=x");
    }

    [Fact]
    public async Task Dot_segments_are_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ProxyPath("slack/x"));
        request.Headers.Add("X-Paragon-Proxy-Url", "/../../admin");

        using var response = await Http.SendAsync(request, Ct);

        await ReadErrorAsync(response, 400, EmulatorErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task Disconnected_integration_is_not_enabled()
    {
        Emulator.DisconnectIntegration("user-1", "slack");

        using var response = await Http.GetAsync(ProxyPath("slack/conversations.list"), Ct);

        (await ReadErrorAsync(response, 400, EmulatorErrorCodes.IntegrationNotEnabled)).ShouldBe("Integration not enabled for user.");
    }

    [Fact]
    public async Task Proxy_needs_a_token_too()
    {
        Http.DefaultRequestHeaders.Authorization = null;

        using var response = await Http.GetAsync(ProxyPath("slack/conversations.list"), Ct);

        await ReadErrorAsync(response, 401, EmulatorErrorCodes.Unauthorized);
    }
}
