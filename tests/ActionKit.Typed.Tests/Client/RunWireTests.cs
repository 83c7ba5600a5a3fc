using System;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.Client;

public sealed class RunWireTests
{
    [Fact]
    public async Task Typed_run_posts_the_documented_body_and_reads_the_typed_result()
    {
        var server = new FakeActionKit().Then(HttpStatusCode.OK, """{"ok":true,"channel":"C1","ts":"1700000000.1"}""");
        var client = Clients.Create(server);

        var result = await client.RunAsync(new SlackSendMessage("C1", "hi"), TestContext.Current.CancellationToken);

        result.Value.ShouldBe(new SlackSendMessageResult(true, "1700000000.1"));
        result.GetRawResponse().Status.ShouldBe(200);
        var request = server.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Uri.ShouldBe(new Uri($"https://actionkit.test/projects/{Clients.ProjectId}/actions"));
        request.Header("Authorization").ShouldBe("Bearer " + Clients.Token);
        request.Header("Content-Type").ShouldStartWith("application/json");
        request.Header("X-Paragon-Credential").ShouldBeNull();
        request.BodyText.ShouldBe("""{"action":"SLACK_SEND_MESSAGE","parameters":{"channel":"C1","message":"hi"}}""");
    }

    [Fact]
    public async Task Untyped_run_sends_name_and_parameters_and_returns_the_raw_json()
    {
        var server = new FakeActionKit().Then(HttpStatusCode.OK, """{"channels":[{"id":"C1"}],"nextPageCursor":null}""");
        var client = Clients.Create(server);

        var result = await client.RunAsync("SLACK_LIST_CHANNELS", BinaryData.FromString("""{"limit": 5}"""), cancellationToken: TestContext.Current.CancellationToken);

        result.Value.Value.GetProperty("channels")[0].GetProperty("id").GetString().ShouldBe("C1");
        result.Value.ToString().ShouldBe("""{"channels":[{"id":"C1"}],"nextPageCursor":null}""");
        server.Requests.ShouldHaveSingleItem().BodyText.ShouldBe("""{"action":"SLACK_LIST_CHANNELS","parameters":{"limit": 5}}""");
    }

    [Fact]
    public async Task Untyped_run_without_parameters_sends_an_empty_object()
    {
        var server = new FakeActionKit();
        var client = Clients.Create(server);

        await client.RunAsync("SLACK_LIST_CHANNELS", null, cancellationToken: TestContext.Current.CancellationToken);

        server.Requests.ShouldHaveSingleItem().BodyText.ShouldBe("""{"action":"SLACK_LIST_CHANNELS","parameters":{}}""");
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\":")]
    public async Task Untyped_parameters_that_are_not_a_json_object_are_refused_before_sending(string parameters)
    {
        var server = new FakeActionKit();
        var client = Clients.Create(server);

        var error = await Should.ThrowAsync<ArgumentException>(() => client.RunAsync("SLACK_LIST_CHANNELS", BinaryData.FromString(parameters)));

        error.ParamName.ShouldBe("parameters");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Catalog_dispatched_request_returns_the_actions_result_type()
    {
        var server = new FakeActionKit().Then(HttpStatusCode.OK, """{"ok":true,"ts":"1"}""");
        var client = Clients.Create(server);
        IActionRequest dispatched = new SlackSendMessage("C1", "hi");

        var result = await client.RunAsync(dispatched, cancellationToken: TestContext.Current.CancellationToken);

        result.Value.ShouldBe(new SlackSendMessageResult(true, "1"));
    }

    [Fact]
    public async Task Catalog_dispatched_download_returns_a_stream()
    {
        var server = new FakeActionKit().Then((_, _) => Task.FromResult(new HttpResponseMessageBuilder().Streaming(Encoding.ASCII.GetBytes("%PDF"), Task.CompletedTask, [])));
        var client = Clients.Create(server);
        IActionRequest dispatched = new GoogleDriveDownloadFile("f1");

        var result = await client.RunAsync(dispatched, cancellationToken: TestContext.Current.CancellationToken);

        await using var stream = result.Value.ShouldBeOfType<ActionStreamResult>();
        stream.ContentType.ShouldBe("application/pdf");
    }

    [Fact]
    public async Task Credential_on_a_call_or_a_scoped_client_is_sent_as_X_Paragon_Credential()
    {
        var server = new FakeActionKit();
        var client = Clients.Create(server);

        await client.RunAsync(new SlackSendMessage("C1", "a"), new ActionRunOptions { CredentialId = "cred-call" }, TestContext.Current.CancellationToken);
        var scoped = client.WithCredential("cred-scoped");
        await scoped.RunAsync(new SlackSendMessage("C1", "b"), TestContext.Current.CancellationToken);
        await scoped.RunAsync("SLACK_LIST_CHANNELS", null, new ActionRunOptions { CredentialId = "cred-override" }, TestContext.Current.CancellationToken);
        await client.RunAsync(new SlackSendMessage("C1", "c"), TestContext.Current.CancellationToken);

        server.Requests.Count.ShouldBe(4);
        server.Requests[0].Header("X-Paragon-Credential").ShouldBe("cred-call");
        server.Requests[1].Header("X-Paragon-Credential").ShouldBe("cred-scoped");
        server.Requests[2].Header("X-Paragon-Credential").ShouldBe("cred-override");
        server.Requests[3].Header("X-Paragon-Credential").ShouldBeNull();
        scoped.CredentialId.ShouldBe("cred-scoped");
        scoped.Pipeline.ShouldBeSameAs(client.Pipeline);
    }

    [Fact]
    public async Task Token_provider_is_asked_on_every_attempt()
    {
        var server = new FakeActionKit().Then(HttpStatusCode.ServiceUnavailable, "{}");
        var calls = 0;
        var client = Clients.Create(server, o =>
        {
            o.Token = null;
            o.TokenProvider = ActionKitTokenProvider.FromDelegate(_ => new ValueTask<string>("token-" + ++calls));
        });

        await client.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);

        server.Requests.Count.ShouldBe(2);
        server.Requests[0].Header("Authorization").ShouldBe("Bearer token-1");
        server.Requests[1].Header("Authorization").ShouldBe("Bearer token-2");
    }

    [Fact]
    public async Task Byte_stream_result_is_returned_as_an_unbuffered_stream()
    {
        var release = new TaskCompletionSource();
        var server = new FakeActionKit().Then((_, _) =>
        {
            var response = new HttpResponseMessageBuilder().Streaming(Encoding.ASCII.GetBytes("%PDF-1.7 first part"), release.Task, Encoding.ASCII.GetBytes(" rest"));
            return Task.FromResult(response);
        });
        var client = Clients.Create(server);

        // The run returns while the server still holds back the end of the body: nothing was buffered.
        var result = await client.RunAsync(new GoogleDriveDownloadFile("f1"), TestContext.Current.CancellationToken);

        await using var stream = result.Value;
        stream.ContentType.ShouldBe("application/pdf");
        stream.FileName.ShouldBe("report.pdf");
        release.SetResult();
        using var reader = new System.IO.StreamReader(stream.Content);
        (await reader.ReadToEndAsync(TestContext.Current.CancellationToken)).ShouldBe("%PDF-1.7 first part rest");
        server.Requests.ShouldHaveSingleItem().BodyText.ShouldBe("""{"action":"GOOGLE_DRIVE_DOWNLOAD_FILE","parameters":{"fileId":"f1"}}""");
    }

    [Fact]
    public async Task Success_body_that_does_not_fit_the_result_is_a_typed_error_with_the_raw_body()
    {
        var server = new FakeActionKit().Then(HttpStatusCode.OK, """{"channel":"C1"}""");
        var client = Clients.Create(server);

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "hi")));

        error.Kind.ShouldBe(ActionKitErrorKind.InvalidResponse);
        error.Status.ShouldBe(200);
        error.RawBody!.ToString().ShouldBe("""{"channel":"C1"}""");
        error.ActionName.ShouldBe("SLACK_SEND_MESSAGE");
        error.InnerException.ShouldBeOfType<JsonException>();
    }

    [Fact]
    public async Task Truncated_success_json_is_a_typed_error_with_the_raw_body()
    {
        var server = new FakeActionKit().Then(HttpStatusCode.OK, """{"channels":[{"id":"C1"}""");
        var client = Clients.Create(server);

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackListChannels()));

        error.Kind.ShouldBe(ActionKitErrorKind.InvalidResponse);
        error.RawBody!.ToString().ShouldBe("""{"channels":[{"id":"C1"}""");
    }
}
