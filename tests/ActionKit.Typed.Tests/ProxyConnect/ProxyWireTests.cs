using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.ProxyConnect;

/// <summary>Proxy calls against the emulator over loopback: the exact wire of every verb and path form, and what comes back.</summary>
public sealed class ProxyWireTests : IClassFixture<ProxyConnectFixture>
{
    private readonly ProxyConnectFixture _fixture;

    public ProxyWireTests(ProxyConnectFixture fixture)
    {
        _fixture = fixture;
        fixture.Emulator.Reset();
    }

    private ActionKitEmulator Emulator => _fixture.Emulator;

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    [InlineData("REPORT")]
    public async Task Every_verb_goes_to_the_integration_path_with_the_token_and_the_json_body(string verb)
    {
        var client = _fixture.CreateClient();
        var body = verb is "GET" or "OPTIONS" ? null : BinaryData.FromString("""{"channel": "C1",  "text":"hi"}""");

        var result = await client.Proxy.SendAsync(new HttpMethod(verb), "slack", "chat.postMessage?limit=5", body, cancellationToken: TestContext.Current.CancellationToken);

        var wire = Emulator.Journal.ShouldHaveSingleItem();
        wire.Method.ShouldBe(verb);
        wire.Path.ShouldBe(_fixture.ProxyPath("slack/chat.postMessage?limit=5"));
        wire.Header("Authorization").ShouldBe("Bearer " + _fixture.Token);
        wire.Header("Accept").ShouldBe("application/json");
        wire.Header("X-Paragon-Credential").ShouldBeNull();
        wire.Header("X-Paragon-Use-Raw-Response").ShouldBeNull();
        if (body is null)
        {
            wire.Body.ShouldBeEmpty();
            wire.Header("Content-Type").ShouldBeNull();
        }
        else
        {
            wire.BodyText.ShouldBe("""{"channel": "C1",  "text":"hi"}""");
            wire.Header("Content-Type").ShouldBe("application/json");
        }

        result.GetRawResponse().Status.ShouldBe(200);
        result.Value.IsEnveloped.ShouldBeTrue();
        result.Value.Output.GetProperty("method").GetString().ShouldBe(verb);
        result.Value.Output.GetProperty("path").GetString().ShouldBe("/chat.postMessage");
        result.Value.Output.GetProperty("query").GetProperty("limit").GetString().ShouldBe("5");
        result.Value.RawJson.ToString().ShouldStartWith("{\"output\":");
    }

    [Fact]
    public async Task Head_sends_no_body_and_reads_an_empty_response()
    {
        var client = _fixture.CreateClient();

        var result = await client.Proxy.SendAsync(HttpMethod.Head, "slack", "users.list", cancellationToken: TestContext.Current.CancellationToken);

        var wire = Emulator.Journal.ShouldHaveSingleItem();
        wire.Method.ShouldBe("HEAD");
        wire.Path.ShouldBe(_fixture.ProxyPath("slack/users.list"));
        result.Value.Output.ValueKind.ShouldBe(JsonValueKind.Undefined);
        result.Value.RawJson.IsEmpty.ShouldBeTrue();
    }

    [Theory]
    [InlineData("slack", "chat.postMessage", "slack/chat.postMessage")]
    [InlineData("slack", "/chat.postMessage", "slack/chat.postMessage")]
    [InlineData("slack", "", "slack")]
    [InlineData("googledrive", "drive/v3/files?q=name%20%3D%20'x'&pageSize=10", "googledrive/drive/v3/files?q=name%20%3D%20'x'&pageSize=10")]
    [InlineData("googledrive", "files/abc/?alt=json", "googledrive/files/abc/?alt=json")]
    [InlineData("googledrive", "files/a%2Fb", "googledrive/files/a%2Fb")]
    [InlineData("googleCalendar", "calendars/primary/events", "googleCalendar/calendars/primary/events")]
    [InlineData("monday.com", "v2", "monday.com/v2")]
    [InlineData("custom.tasklab", "v1/tasks", "custom.tasklab/v1/tasks")]
    public async Task Path_forms_reach_the_wire_exactly(string integration, string path, string expected)
    {
        var client = _fixture.CreateClient();

        var result = await client.Proxy.GetAsync(integration, path, cancellationToken: TestContext.Current.CancellationToken);

        Emulator.Journal.ShouldHaveSingleItem().Path.ShouldBe(_fixture.ProxyPath(expected));
        result.Value.Output.GetProperty("integration").GetString().ShouldBe(integration);
    }

    [Fact]
    public async Task A_custom_integration_by_id_uses_the_custom_path()
    {
        var client = _fixture.CreateClient();
        var id = Emulator.CustomIntegrationId("custom.tasklab");
        var integration = ParagonProxyClient.CustomIntegration(id);

        var result = await client.Proxy.PostAsync(integration, "notifications", BinaryData.FromString("""{"title":"t"}"""), cancellationToken: TestContext.Current.CancellationToken);

        integration.ShouldBe("custom/" + id);
        Emulator.Journal.ShouldHaveSingleItem().Path.ShouldBe(_fixture.ProxyPath($"custom/{id}/notifications"));
        result.Value.Output.GetProperty("integration").GetString().ShouldBe(integration);
        result.Value.Output.GetProperty("body").GetProperty("title").GetString().ShouldBe("t");
    }

    [Fact]
    public async Task A_full_url_goes_in_the_proxy_url_header_by_default()
    {
        var client = _fixture.CreateClient();

        var result = await client.Proxy.GetAsync("googledrive", "https://sheets.googleapis.com/v4/spreadsheets/s1?ranges=A1%3AB2", cancellationToken: TestContext.Current.CancellationToken);

        var wire = Emulator.Journal.ShouldHaveSingleItem();
        wire.Path.ShouldBe(_fixture.ProxyPath("googledrive"));
        wire.Header("X-Paragon-Proxy-Url").ShouldBe("https://sheets.googleapis.com/v4/spreadsheets/s1?ranges=A1%3AB2");
        result.Value.Output.GetProperty("url").GetString().ShouldBe("https://sheets.googleapis.com/v4/spreadsheets/s1?ranges=A1%3AB2");
    }

    [Fact]
    public async Task A_full_url_can_be_appended_to_the_integration_path()
    {
        var client = _fixture.CreateClient();
        var options = new ProxyRequestOptions { FullUrlForm = ProxyFullUrlForm.Appended };

        var result = await client.Proxy.GetAsync("googledrive", "https://sheets.googleapis.com/v4/spreadsheets?x=1", options, TestContext.Current.CancellationToken);

        var wire = Emulator.Journal.ShouldHaveSingleItem();
        wire.Path.ShouldBe(_fixture.ProxyPath("googledrive/https://sheets.googleapis.com/v4/spreadsheets?x=1"));
        wire.Header("X-Paragon-Proxy-Url").ShouldBeNull();
        result.Value.Output.GetProperty("url").GetString().ShouldBe("https://sheets.googleapis.com/v4/spreadsheets");
        result.Value.Output.GetProperty("query").GetProperty("x").GetString().ShouldBe("1");
    }

    [Fact]
    public async Task Typed_bodies_and_results_use_source_generated_metadata()
    {
        var client = _fixture.CreateClient();

        var result = await client.Proxy.PostAsync("slack", "chat.postMessage", new SlackMessage("C1", "hi"), TestJson.Default.SlackMessage, TestJson.Default.EchoOutput, cancellationToken: TestContext.Current.CancellationToken);

        Emulator.Journal.ShouldHaveSingleItem().BodyText.ShouldBe("""{"channel":"C1","text":"hi"}""");
        result.Value.ShouldNotBeNull();
        result.Value.Method.ShouldBe("POST");
        result.Value.Path.ShouldBe("/chat.postMessage");
        result.Value.BodyLength.ShouldBe(28);

        var typedGet = await client.Proxy.GetAsync("slack", "users.list", TestJson.Default.EchoOutput, cancellationToken: TestContext.Current.CancellationToken);
        typedGet.Value!.Method.ShouldBe("GET");
    }

    [Fact]
    public async Task The_scoped_credential_and_a_per_call_credential_select_the_account()
    {
        var client = _fixture.CreateClient();
        var scoped = client.WithCredential("cred-a");

        await scoped.Proxy.GetAsync("slack", "users.list", cancellationToken: TestContext.Current.CancellationToken);
        await scoped.Proxy.GetAsync("slack", "users.list", new ProxyRequestOptions { CredentialId = "cred-b" }, TestContext.Current.CancellationToken);

        var wire = Emulator.Journal.Snapshot();
        wire[0].Header("X-Paragon-Credential").ShouldBe("cred-a");
        wire[1].Header("X-Paragon-Credential").ShouldBe("cred-b");
    }

    [Fact]
    public async Task Extra_headers_are_forwarded()
    {
        var client = _fixture.CreateClient();
        var options = new ProxyRequestOptions();
        options.Headers["X-Paragon-Use-Slack-Token-Type"] = "user";

        var result = await client.Proxy.GetAsync("slack", "users.list", options, TestContext.Current.CancellationToken);

        Emulator.Journal.ShouldHaveSingleItem().Header("X-Paragon-Use-Slack-Token-Type").ShouldBe("user");
        result.Value.Output.GetProperty("headers").GetProperty("x-paragon-use-slack-token-type").GetString().ShouldBe("user");
        result.Value.Output.GetProperty("headers").TryGetProperty("authorization", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Raw_mode_returns_the_provider_status_headers_and_streamed_body()
    {
        var client = _fixture.CreateClient();

        using var download = (await client.Proxy.DownloadAsync("googledrive", "drive/v3/files/1048577", cancellationToken: TestContext.Current.CancellationToken)).Value;

        var wire = Emulator.Journal.ShouldHaveSingleItem();
        wire.Method.ShouldBe("GET");
        wire.Path.ShouldBe(_fixture.ProxyPath("googledrive/drive/v3/files/1048577"));
        wire.Header("X-Paragon-Use-Raw-Response").ShouldBe("1");
        wire.Header("Accept").ShouldBe("*/*");
        download.Status.ShouldBe(200);
        download.ContentType.ShouldBe("application/octet-stream");
        download.ContentLength.ShouldBe(1048577);
        download.Header("X-Emulator-Proxied").ShouldBe("googledrive");
        download.Header("Content-Disposition")!.ShouldContain("1048577.bin");
        (await CountPatternBytesAsync(download.Content)).ShouldBe(1048577);
    }

    [Fact]
    public async Task Raw_mode_json_comes_back_without_the_envelope()
    {
        var client = _fixture.CreateClient();

        using var raw = (await client.Proxy.SendRawAsync(HttpMethod.Post, "slack", "chat.postMessage", BinaryData.FromString("""{"a":1}"""), cancellationToken: TestContext.Current.CancellationToken)).Value;

        using var document = await JsonDocument.ParseAsync(raw.Content, cancellationToken: TestContext.Current.CancellationToken);
        document.RootElement.TryGetProperty("output", out _).ShouldBeFalse();
        document.RootElement.GetProperty("method").GetString().ShouldBe("POST");
        document.RootElement.GetProperty("headers").GetProperty("x-paragon-use-raw-response").GetString().ShouldBe("1");
        raw.ContentType!.ShouldStartWith("application/json");
    }

    [Fact]
    public async Task Uploads_stream_a_body_over_actionkits_limit_with_its_content_type()
    {
        var client = _fixture.CreateClient();
        var bytes = new byte[11 * 1024 * 1024 + 3];
        new Random(7).NextBytes(bytes);
        using var content = new MemoryStream(bytes);

        var result = await client.Proxy.UploadAsync("googledrive", "upload/drive/v3/files?uploadType=media", content, "application/pdf", cancellationToken: TestContext.Current.CancellationToken);

        var wire = Emulator.Journal.ShouldHaveSingleItem();
        wire.Method.ShouldBe("POST");
        wire.Path.ShouldBe(_fixture.ProxyPath("googledrive/upload/drive/v3/files?uploadType=media"));
        wire.Header("Content-Type").ShouldBe("application/pdf");
        wire.Body.SequenceEqual(bytes).ShouldBeTrue();
        result.Value.Output.GetProperty("bodyLength").GetInt32().ShouldBe(bytes.Length);
        result.Value.Output.GetProperty("bodySha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task A_non_json_body_reads_as_text()
    {
        var response = new ProxyResponse(200, BinaryData.FromString("plain text"), "text/plain");

        response.IsJson.ShouldBeFalse();
        response.Output.GetString().ShouldBe("plain text");
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_body_without_the_envelope_is_the_output_itself()
    {
        var response = new ProxyResponse(200, BinaryData.FromString("""[1,2]"""), "application/json");

        response.IsEnveloped.ShouldBeFalse();
        response.Output.GetArrayLength().ShouldBe(2);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_download_disposed_half_way_releases_its_connection()
    {
        var client = _fixture.CreateClient();
        var buffer = new byte[64 * 1024];

        for (var i = 0; i < 3; i++)
        {
            using var download = (await client.Proxy.DownloadAsync("googledrive", "files/104857600", cancellationToken: TestContext.Current.CancellationToken)).Value;
            (await download.Content.ReadAsync(buffer, TestContext.Current.CancellationToken)).ShouldBeGreaterThan(0);
        }

        var after = await client.Proxy.GetAsync("slack", "users.list", cancellationToken: TestContext.Current.CancellationToken);
        after.GetRawResponse().Status.ShouldBe(200);
    }

    [Fact]
    public async Task A_rejected_token_is_unauthorized_for_proxy_and_connect()
    {
        var client = _fixture.CreateClient(options => options.Token = "not-a-jwt");

        var proxy = await Should.ThrowAsync<ParagonApiException>(() => client.Proxy.GetAsync("slack", "users.list", cancellationToken: TestContext.Current.CancellationToken));
        var connect = await Should.ThrowAsync<ParagonApiException>(() => client.Connect.GetUserAsync(cancellationToken: TestContext.Current.CancellationToken));

        proxy.Kind.ShouldBe(ActionKitErrorKind.Unauthorized);
        connect.Kind.ShouldBe(ActionKitErrorKind.Unauthorized);
        connect.Api.ShouldBe(ParagonApi.Connect);
        connect.Message.ShouldNotContain("not-a-jwt");
    }

    [Fact]
    public async Task A_caller_may_choose_the_accept_header_of_a_raw_download()
    {
        var client = _fixture.CreateClient();
        var options = new ProxyRequestOptions();
        options.Headers["Accept"] = "application/pdf";

        using var download = (await client.Proxy.DownloadAsync("googledrive", "files/10", options, TestContext.Current.CancellationToken)).Value;

        Emulator.Journal.ShouldHaveSingleItem().Header("Accept").ShouldBe("application/pdf");
    }

    [Fact]
    public async Task Per_user_clients_send_their_own_token_on_the_shared_pipeline()
    {
        var client = _fixture.CreateClient();
        var otherToken = Emulator.CreateUserToken("user-2");
        var other = client.WithTokenProvider(ActionKitTokenProvider.FromToken(otherToken));

        var result = await other.Proxy.GetAsync("slack", "users.list", cancellationToken: TestContext.Current.CancellationToken);
        await other.Connect.GetUserAsync(cancellationToken: TestContext.Current.CancellationToken);

        other.Pipeline.ShouldBeSameAs(client.Pipeline);
        result.Value.Output.GetProperty("userId").GetString().ShouldBe("user-2");
        Emulator.Journal.Snapshot().ShouldAllBe(r => r.Header("Authorization") == "Bearer " + otherToken);
    }

    [Fact]
    public async Task Sub_clients_can_be_mocked()
    {
        var proxy = new FakeProxy();

        var result = await proxy.GetAsync("slack", "users.list", cancellationToken: TestContext.Current.CancellationToken);

        result.Value.Output.GetProperty("ok").GetBoolean().ShouldBeTrue();
    }

    private sealed class FakeProxy : ParagonProxyClient
    {
        public override Task<System.ClientModel.ClientResult<ProxyResponse>> SendAsync(HttpMethod method, string integration, string path, BinaryData? body = null, ProxyRequestOptions? options = null, System.Threading.CancellationToken cancellationToken = default) =>
            Task.FromResult(System.ClientModel.ClientResult.FromValue(new ProxyResponse(200, BinaryData.FromString("""{"output":{"ok":true}}"""), "application/json"), new FakeResponse()));
    }

    private sealed class FakeResponse : System.ClientModel.Primitives.PipelineResponse
    {
        public override int Status => 200;

        public override string ReasonPhrase => "OK";

        public override Stream? ContentStream { get; set; }

        public override BinaryData Content => BinaryData.Empty;

        protected override System.ClientModel.Primitives.PipelineResponseHeaders HeadersCore => throw new NotSupportedException();

        public override BinaryData BufferContent(System.Threading.CancellationToken cancellationToken = default) => Content;

        public override System.Threading.Tasks.ValueTask<BinaryData> BufferContentAsync(System.Threading.CancellationToken cancellationToken = default) => new(Content);

        public override void Dispose()
        {
        }
    }

    internal static async Task<long> CountPatternBytesAsync(Stream stream)
    {
        var buffer = new byte[81920];
        long offset = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
        {
            offset = CheckPattern(buffer.AsSpan(0, read), offset);
        }

        return offset;
    }

    /// <summary>The same check read synchronously, for the sync API's tests.</summary>
    internal static long CountPatternBytes(Stream stream)
    {
        var buffer = new byte[81920];
        long offset = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            offset = CheckPattern(buffer.AsSpan(0, read), offset);
        }

        return offset;
    }

    // The downloads are bytes (offset % 251); returns the offset after the chunk.
    private static long CheckPattern(ReadOnlySpan<byte> chunk, long offset)
    {
        for (var i = 0; i < chunk.Length; i++)
        {
            if (chunk[i] != (byte)((offset + i) % 251))
            {
                throw new InvalidDataException($"Byte {offset + i} is {chunk[i]}, expected {(offset + i) % 251}.");
            }
        }

        return offset + chunk.Length;
    }
}
