using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Tests;

public sealed class ProxyEndpointTests : EmulatorTest
{
    private string Proxy(string rest) => $"projects/{Emulator.ProjectId}/sdk/proxy/{rest}";

    [Fact]
    public async Task A_proxied_call_is_echoed_inside_the_output_envelope()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Proxy("slack/chat.postMessage?channel=C1&x=a%20b")) { Content = JsonBody("""{"text":"hi"}""") };
        request.Headers.Add("X-Paragon-Credential", "cred-1");

        using var response = await Http.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await ReadJsonAsync(response);
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["output"]);
        var output = body.GetProperty("output");
        output.GetProperty("method").GetString().ShouldBe("POST");
        output.GetProperty("integration").GetString().ShouldBe("slack");
        output.GetProperty("path").GetString().ShouldBe("/chat.postMessage");
        output.GetProperty("query").GetProperty("x").GetString().ShouldBe("a b");
        output.TryGetProperty("url", out _).ShouldBeFalse();
        output.GetProperty("credentialId").GetString().ShouldBe("cred-1");
        output.GetProperty("userId").GetString().ShouldBe("user-1");
        output.GetProperty("body").GetProperty("text").GetString().ShouldBe("hi");
        output.GetProperty("headers").TryGetProperty("authorization", out _).ShouldBeFalse();
        output.GetProperty("headers").GetProperty("x-paragon-credential").GetString().ShouldBe("cred-1");
        Emulator.Journal.ShouldHaveSingleItem().Path.ShouldBe("/" + Proxy("slack/chat.postMessage?channel=C1&x=a%20b"));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    public async Task Any_verb_is_proxied(string verb)
    {
        using var response = await Http.SendAsync(new HttpRequestMessage(new HttpMethod(verb), Proxy("hubspot/crm/v3/objects/contacts/1")), Ct);

        var output = (await ReadJsonAsync(response)).GetProperty("output");
        output.GetProperty("method").GetString().ShouldBe(verb);
        output.GetProperty("path").GetString().ShouldBe("/crm/v3/objects/contacts/1");
    }

    [Fact]
    public async Task Raw_mode_streams_a_file_of_the_asked_size_with_provider_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Proxy("googledrive/files/300000"));
        request.Headers.Add("X-Paragon-Use-Raw-Response", "1");

        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
        response.Content.Headers.ContentLength.ShouldBe(300000);
        response.Headers.GetValues("X-Emulator-Proxied").ShouldHaveSingleItem().ShouldBe("googledrive");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        bytes.Length.ShouldBe(300000);
        bytes.Select((b, i) => b == (byte)(i % 251)).All(x => x).ShouldBeTrue();
    }

    [Fact]
    public async Task Raw_mode_json_is_not_enveloped_and_alt_media_is_a_file()
    {
        using var json = new HttpRequestMessage(HttpMethod.Get, Proxy("slack/users.list"));
        json.Headers.Add("X-Paragon-Use-Raw-Response", "true");
        using var media = new HttpRequestMessage(HttpMethod.Get, Proxy("googledrive/drive/v3/files/abc?alt=media"));
        media.Headers.Add("X-Paragon-Use-Raw-Response", "1");

        using var jsonResponse = await Http.SendAsync(json, Ct);
        using var mediaResponse = await Http.SendAsync(media, Ct);

        (await ReadJsonAsync(jsonResponse)).GetProperty("method").GetString().ShouldBe("GET");
        (await mediaResponse.Content.ReadAsByteArrayAsync(Ct)).Length.ShouldBe(16 * 1024);
    }

    [Fact]
    public async Task Custom_integrations_are_reached_by_slug_and_by_id()
    {
        using var bySlug = await Http.GetAsync(Proxy("custom.tasklab/v1/tasks"), Ct);
        var id = Emulator.CustomIntegrationId("custom.tasklab");
        using var byId = await Http.GetAsync(Proxy($"custom/{id}/v1/tasks"), Ct);

        (await ReadJsonAsync(bySlug)).GetProperty("output").GetProperty("integration").GetString().ShouldBe("custom.tasklab");
        var output = (await ReadJsonAsync(byId)).GetProperty("output");
        output.GetProperty("integration").GetString().ShouldBe("custom/" + id);
        output.GetProperty("path").GetString().ShouldBe("/v1/tasks");
    }

    [Fact]
    public async Task Full_url_overrides_work_as_a_header_and_appended_and_must_be_https()
    {
        using var header = new HttpRequestMessage(HttpMethod.Get, Proxy("googledrive"));
        header.Headers.Add("X-Paragon-Proxy-Url", "https://sheets.googleapis.com/v4/spreadsheets?x=1");
        using var plain = new HttpRequestMessage(HttpMethod.Get, Proxy("googledrive"));
        plain.Headers.Add("X-Paragon-Proxy-Url", "http://sheets.googleapis.com/v4/spreadsheets");

        using var headerResponse = await Http.SendAsync(header, Ct);
        using var appended = await Http.GetAsync(Proxy("googledrive/https://sheets.googleapis.com/v4/spreadsheets?x=1"), Ct);
        using var plainResponse = await Http.SendAsync(plain, Ct);

        (await ReadJsonAsync(headerResponse)).GetProperty("output").GetProperty("url").GetString().ShouldBe("https://sheets.googleapis.com/v4/spreadsheets?x=1");
        var output = (await ReadJsonAsync(appended)).GetProperty("output");
        output.GetProperty("url").GetString().ShouldBe("https://sheets.googleapis.com/v4/spreadsheets");
        output.GetProperty("query").GetProperty("x").GetString().ShouldBe("1");

        (await ReadErrorAsync(plainResponse, 400, EmulatorErrorCodes.ValidationFailed)).ShouldBe("This domain is invalid for the current integration");
    }

    [Fact]
    public async Task A_provider_error_keeps_its_status_as_an_integration_error_or_raw()
    {
        using var response = await Http.GetAsync(Proxy("slack/status/409"), Ct);
        using var rawRequest = new HttpRequestMessage(HttpMethod.Get, Proxy("slack/status/409"));
        rawRequest.Headers.Add("X-Paragon-Use-Raw-Response", "1");
        using var raw = await Http.SendAsync(rawRequest, Ct);

        (await ReadErrorAsync(response, 409, EmulatorErrorCodes.IntegrationError)).ShouldBe("""{"error":{"code":409,"message":"The provider answered 409."}}""");
        (await ReadJsonAsync(response)).GetProperty("meta").GetProperty("isIntegrationError").GetBoolean().ShouldBeTrue();
        ((int)raw.StatusCode).ShouldBe(409);
        (await raw.Content.ReadAsStringAsync(Ct)).ShouldBe("""{"error":{"code":409,"message":"The provider answered 409."}}""");
    }

    [Fact]
    public async Task Proxied_bodies_are_not_held_to_actionkits_limit()
    {
        var big = new byte[(10 * 1024 * 1024) + 1];
        using var content = new ByteArrayContent(big);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        using var response = await Http.PostAsync(Proxy("googledrive/upload/drive/v3/files"), content, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadJsonAsync(response)).GetProperty("output").GetProperty("bodyLength").GetInt32().ShouldBe(big.Length);
    }

    [Fact]
    public async Task Not_connected_dot_segments_and_missing_tokens_are_refused()
    {
        Emulator.DisconnectIntegration("user-1", "slack");
        using var notConnected = await Http.GetAsync(Proxy("slack/users.list"), Ct);
        using var dots = await Http.GetAsync(Proxy("hubspot/a/%252e%252e/b"), Ct);
        using var anonymous = new HttpClient { BaseAddress = Emulator.BaseAddress };
        using var noToken = await anonymous.GetAsync(Proxy("hubspot/x"), Ct);

        (await ReadErrorAsync(notConnected, 400, EmulatorErrorCodes.IntegrationNotEnabled)).ShouldBe("Integration not enabled for user.");
        await ReadErrorAsync(dots, 400, EmulatorErrorCodes.ValidationFailed);
        await ReadErrorAsync(noToken, 401, EmulatorErrorCodes.Unauthorized);
        Emulator.Journal.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Faults_apply_to_proxied_calls()
    {
        Emulator.Faults.Enqueue(EmulatorFault.Status(502));

        using var failed = await Http.GetAsync(Proxy("slack/users.list"), Ct);
        using var next = await Http.GetAsync(Proxy("slack/users.list"), Ct);

        ((int)failed.StatusCode).ShouldBe(502);
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
