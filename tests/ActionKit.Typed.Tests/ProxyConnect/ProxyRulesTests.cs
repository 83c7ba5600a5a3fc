using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.ProxyConnect;

/// <summary>Proxy errors, retries by verb, refusals before sending, and tracing.</summary>
public sealed class ProxyRulesTests : IClassFixture<ProxyConnectFixture>
{
    private readonly ProxyConnectFixture _fixture;

    public ProxyRulesTests(ProxyConnectFixture fixture)
    {
        _fixture = fixture;
        fixture.Emulator.Reset();
    }

    private ActionKitEmulator Emulator => _fixture.Emulator;

    [Fact]
    public async Task A_provider_error_keeps_the_provider_status_and_body()
    {
        var client = _fixture.CreateClient();

        var error = await Should.ThrowAsync<ParagonApiException>(() => client.Proxy.GetAsync("slack", "conversations/status/404", cancellationToken: TestContext.Current.CancellationToken));

        error.Status.ShouldBe(404);
        error.Kind.ShouldBe(ActionKitErrorKind.NotFound);
        error.Api.ShouldBe(ParagonApi.Proxy);
        error.Method.ShouldBe("GET");
        error.Path.ShouldBe("slack/conversations/status/404");
        error.Integration.ShouldBe("slack");
        error.IsIntegrationError.ShouldBeTrue();
        error.Code.ShouldBe("INTEGRATION_ERROR");
        error.ErrorMessage.ShouldBe("""{"error":{"code":404,"message":"The provider answered 404."}}""");
        error.RawBody!.ToString().ShouldContain("The provider answered 404.");
        error.Message.ShouldNotContain(_fixture.Token);
    }

    [Fact]
    public async Task A_raw_mode_error_is_thrown_with_its_buffered_body()
    {
        var client = _fixture.CreateClient();

        var error = await Should.ThrowAsync<ParagonApiException>(() => client.Proxy.DownloadAsync("googledrive", "files/status/403", cancellationToken: TestContext.Current.CancellationToken));

        error.Status.ShouldBe(403);
        error.Kind.ShouldBe(ActionKitErrorKind.Unauthorized);
        error.RawBody!.ToString().ShouldContain("The provider answered 403.");
    }

    [Fact]
    public async Task A_user_who_has_not_connected_the_integration_gets_not_connected()
    {
        Emulator.DisconnectIntegration(ProxyConnectFixture.UserId, "slack");
        var client = _fixture.CreateClient();

        var error = await Should.ThrowAsync<ParagonApiException>(() => client.Proxy.PostAsync("slack", "chat.postMessage", BinaryData.FromString("{}"), cancellationToken: TestContext.Current.CancellationToken));

        error.Kind.ShouldBe(ActionKitErrorKind.NotConnected);
        error.Message.ShouldContain("Connect Portal");
    }

    [Theory]
    [InlineData("GET", 2)]
    [InlineData("HEAD", 2)]
    [InlineData("OPTIONS", 2)]
    [InlineData("POST", 1)]
    [InlineData("PUT", 1)]
    [InlineData("PATCH", 1)]
    [InlineData("DELETE", 1)]
    public async Task Reads_are_retried_after_a_server_error_and_writes_are_not(string verb, int expectedRequests)
    {
        Emulator.Faults.Enqueue(EmulatorFault.Status(503));
        var client = _fixture.CreateClient();

        var call = () => client.Proxy.SendAsync(new HttpMethod(verb), "slack", "x", cancellationToken: TestContext.Current.CancellationToken);
        if (expectedRequests == 2)
        {
            (await call()).GetRawResponse().Status.ShouldBe(200);
        }
        else
        {
            var error = await Should.ThrowAsync<ParagonApiException>(call);
            error.Kind.ShouldBe(ActionKitErrorKind.Server);
            error.Status.ShouldBe(503);
        }

        Emulator.Journal.Count.ShouldBe(expectedRequests);
    }

    [Fact]
    public async Task A_write_is_retried_when_the_caller_opts_in()
    {
        Emulator.Faults.Enqueue(EmulatorFault.Status(502));
        var client = _fixture.CreateClient();

        var result = await client.Proxy.PostAsync("slack", "chat.postMessage", BinaryData.FromString("{}"), new ProxyRequestOptions { RetryWrites = true }, TestContext.Current.CancellationToken);

        result.GetRawResponse().Status.ShouldBe(200);
        Emulator.Journal.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_rate_limited_write_is_retried()
    {
        Emulator.Faults.Enqueue(EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(1)));
        var client = _fixture.CreateClient();

        var result = await client.Proxy.PostAsync("slack", "chat.postMessage", BinaryData.FromString("{}"), cancellationToken: TestContext.Current.CancellationToken);

        result.GetRawResponse().Status.ShouldBe(200);
        Emulator.Journal.Count.ShouldBe(2);
        Emulator.Journal[0].BodyText.ShouldBe(Emulator.Journal[1].BodyText);
    }

    [Fact]
    public async Task An_upload_from_a_stream_that_cannot_seek_is_never_sent_twice()
    {
        Emulator.Faults.Enqueue(EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(1)));
        var client = _fixture.CreateClient();
        using var content = new ForwardOnlyStream(new byte[1000]);

        var error = await Should.ThrowAsync<ParagonApiException>(() => client.Proxy.UploadAsync("googledrive", "upload", content, "application/octet-stream", cancellationToken: TestContext.Current.CancellationToken));

        error.Kind.ShouldBe(ActionKitErrorKind.RateLimited);
        Emulator.Journal.Count.ShouldBe(1);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "slack", "../admin", "path" },
        { "slack", "a/../../b", "path" },
        { "slack", "..", "path" },
        { "slack", "%2e%2e/x", "path" },
        { "slack", "%2E%2E/x", "path" },
        { "slack", ".%2e/x", "path" },
        { "slack", "%2E./x", "path" },
        { "slack", "a/%252e%252e/b", "path" },
        { "slack", "a/..%2f..%2fb", "path" },
        { "slack", "a\\b", "path" },
        { "slack", "..\\x", "path" },
        { "slack", "a%5c..%5cb", "path" },
        { "slack", "a/..?x=1", "path" },
        { "slack", "http://example.com/x", "path" },
        { "slack", "ftp://example.com/x", "path" },
        { "slack", "//evil.example/x", "path" },
        { "slack", "https://sheets.googleapis.com/../../other/x", "path" },
        { "slack", "a\r\nX-Injected: 1", "path" },
        { "slack", "a\nb", "path" },
        { "", "x", "integration" },
        { "  ", "x", "integration" },
        { "..", "x", "integration" },
        { "slack/../x", "x", "integration" },
        { "slack\r\n", "x", "integration" },
        { "sl ack", "x", "integration" },
        { "custom.", "x", "integration" },
        { "custom/", "x", "integration" },
        { "custom/../x", "x", "integration" },
        { "custom/a/b", "x", "integration" },
        { "custom/%2e%2e", "x", "integration" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_paths_and_integrations_are_refused_before_anything_is_sent(string integration, string path, string paramName)
    {
        var client = _fixture.CreateClient();

        var error = await Should.ThrowAsync<ArgumentException>(() => client.Proxy.GetAsync(integration, path, cancellationToken: TestContext.Current.CancellationToken));
        var raw = await Should.ThrowAsync<ArgumentException>(() => client.Proxy.SendRawAsync(HttpMethod.Put, integration, path, BinaryData.FromString("{}"), cancellationToken: TestContext.Current.CancellationToken));

        error.ParamName.ShouldBe(paramName);
        raw.ParamName.ShouldBe(paramName);
        Emulator.Journal.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Line_breaks_in_header_values_are_refused_before_anything_is_sent()
    {
        var client = _fixture.CreateClient();
        var header = new ProxyRequestOptions();
        header.Headers["X-Custom"] = "a\r\nX-Injected: 1";
        var reserved = new ProxyRequestOptions();
        reserved.Headers["Authorization"] = "Bearer other";
        using var content = new MemoryStream([1, 2]);

        (await Should.ThrowAsync<ArgumentException>(() => client.Proxy.GetAsync("slack", "x", header, TestContext.Current.CancellationToken))).ParamName.ShouldBe("options");
        (await Should.ThrowAsync<ArgumentException>(() => client.Proxy.GetAsync("slack", "x", reserved, TestContext.Current.CancellationToken))).ParamName.ShouldBe("options");
        (await Should.ThrowAsync<ArgumentException>(() => client.Proxy.GetAsync("slack", "x", new ProxyRequestOptions { CredentialId = "c\n1" }, TestContext.Current.CancellationToken))).ParamName.ShouldBe("options");
        (await Should.ThrowAsync<ArgumentException>(() => client.Proxy.UploadAsync("slack", "x", content, "text/plain\r\nX-Injected: 1", cancellationToken: TestContext.Current.CancellationToken))).ParamName.ShouldBe("contentType");
        Should.Throw<ArgumentException>(() => client.WithCredential("c\r\n1")).ParamName.ShouldBe("credentialId");
        Emulator.Journal.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Each_proxy_call_is_one_activity_with_integration_method_and_status()
    {
        using var collector = new ActivityCollector();
        Emulator.Faults.Enqueue(EmulatorFault.Status(500));
        var client = _fixture.CreateClient();

        await client.Proxy.GetAsync("slack", "users.list", cancellationToken: TestContext.Current.CancellationToken);
        await Should.ThrowAsync<ParagonApiException>(() => client.Proxy.PostAsync("slack", "status/409", BinaryData.FromString("{}"), cancellationToken: TestContext.Current.CancellationToken));

        var activities = collector.Activities;
        activities.Count.ShouldBe(2);
        activities[0].OperationName.ShouldBe("ActionKit.Proxy");
        activities[0].Kind.ShouldBe(ActivityKind.Client);
        activities[0].GetTagItem("actionkit.integration").ShouldBe("slack");
        activities[0].GetTagItem("http.request.method").ShouldBe("GET");
        activities[0].GetTagItem("http.response.status_code").ShouldBe(200);
        activities[0].GetTagItem("actionkit.retry_count").ShouldBe(1);
        activities[1].GetTagItem("http.request.method").ShouldBe("POST");
        activities[1].GetTagItem("http.response.status_code").ShouldBe(409);
        activities[1].GetTagItem("error.type").ShouldBe("Unknown");
        activities[1].Status.ShouldBe(ActivityStatusCode.Error);
        foreach (var activity in activities)
        {
            activity.Tags.ShouldAllBe(tag => tag.Value == null || !tag.Value.Contains(_fixture.Token));
        }
    }

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
