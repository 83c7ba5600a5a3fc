using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.Loopback;

/// <summary>The requests the client puts on the wire, as the emulator received them over loopback HTTP.</summary>
public sealed class EmulatorWireTests(EmulatorFixture fixture) : EmulatorTestBase(fixture)
{
    [Fact]
    public async Task Typed_run_is_the_documented_request()
    {
        var client = CreateClient();

        var result = await client.RunAsync(new SlackSendMessage("C1", "hi"), TestContext.Current.CancellationToken);

        result.Value.Ok.ShouldBeTrue();
        var request = Emulator.Journal.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe($"/projects/{Emulator.ProjectId}/actions");
        request.Header("Content-Type").ShouldBe("application/json");
        request.Header("X-Paragon-Credential").ShouldBeNull();
        request.BodyText.ShouldBe("""{"action":"SLACK_SEND_MESSAGE","parameters":{"channel":"C1","message":"hi"}}""");
        var bearer = request.Authorization.ShouldNotBeNull();
        bearer.ShouldStartWith("Bearer ");
        var token = new JsonWebToken(bearer["Bearer ".Length..]);
        token.Alg.ShouldBe("RS256");
        token.Subject.ShouldBe(UserId);
    }

    [Fact]
    public async Task Untyped_run_is_the_documented_request_and_returns_the_raw_result()
    {
        var client = CreateClient();
        Emulator.SetResult("SLACK_LIST_CHANNELS", """{"channels":[{"id":"C1","name":"general"}],"nextPageCursor":null}""");

        var result = await client.RunAsync("SLACK_LIST_CHANNELS", BinaryData.FromString("{}"), cancellationToken: TestContext.Current.CancellationToken);

        result.Value.Value.GetProperty("channels")[0].GetProperty("name").GetString().ShouldBe("general");
        var request = Emulator.Journal.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe($"/projects/{Emulator.ProjectId}/actions");
        request.Header("Content-Type").ShouldBe("application/json");
        request.BodyText.ShouldBe("""{"action":"SLACK_LIST_CHANNELS","parameters":{}}""");
    }

    [Fact]
    public async Task Credential_scoped_runs_send_X_Paragon_Credential()
    {
        var credential = Emulator.ConnectIntegration(UserId, "slack", "cred-work");
        var client = CreateClient();

        await client.WithCredential(credential).RunAsync(new SlackSendMessage("C1", "scoped"), TestContext.Current.CancellationToken);
        await client.RunAsync("SLACK_LIST_CHANNELS", null, new ActionRunOptions { CredentialId = credential }, TestContext.Current.CancellationToken);

        Emulator.Journal.Count.ShouldBe(2);
        Emulator.Journal.ShouldAllBe(r => r.CredentialId == "cred-work");
        Emulator.Journal[0].BodyText.ShouldBe("""{"action":"SLACK_SEND_MESSAGE","parameters":{"channel":"C1","message":"scoped"}}""");
    }

    [Fact]
    public async Task Another_users_account_is_not_connected()
    {
        Emulator.ConnectIntegration(UserId, "slack", "cred-work");
        var client = CreateClient();

        var error = await Should.ThrowAsync<ActionKitException>(() => client.WithCredential("cred-someone-else").RunAsync(new SlackSendMessage("C1", "x")));

        error.Kind.ShouldBe(ActionKitErrorKind.NotConnected);
        error.ErrorMessage.ShouldBe("Integration not enabled for user.");
        error.RequestId.ShouldNotBeNullOrEmpty();
        Emulator.Journal.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Download_is_streamed_with_its_content_type_and_file_name()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7 emulated");
        Emulator.SetBinaryResult("GOOGLE_DRIVE_DOWNLOAD_FILE", pdf, "application/pdf", "report.pdf");
        var client = CreateClient();

        await using var file = (await client.RunAsync(new GoogleDriveDownloadFile("f1"), TestContext.Current.CancellationToken)).Value;

        file.ContentType.ShouldBe("application/pdf");
        file.FileName.ShouldBe("report.pdf");
        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy, TestContext.Current.CancellationToken);
        copy.ToArray().ShouldBe(pdf);
    }

    [Fact]
    public async Task Upload_is_sent_as_a_hex_file_object()
    {
        var client = CreateClient();

        await client.RunAsync(new GoogleDriveSaveFile(ActionKitFile.FromBytes(Encoding.UTF8.GetBytes("Hello, world!"), "text/plain", "hello.txt")), TestContext.Current.CancellationToken);

        Emulator.Journal.ShouldHaveSingleItem().BodyText.ShouldBe(
            """{"action":"GOOGLE_DRIVE_SAVE_FILE","parameters":{"file":{"name":"hello.txt","mimeType":"text/plain","data":"48656c6c6f2c20776f726c6421","dataType":"FILE"}}}""");
    }

    [Fact]
    public async Task Oversized_upload_never_reaches_the_server()
    {
        var client = CreateClient();
        var file = ActionKitFile.FromBytes(new byte[6 * 1024 * 1024], "application/pdf", "big.pdf");

        var error = await Should.ThrowAsync<ActionKitRequestTooLargeException>(() => client.RunAsync(new GoogleDriveSaveFile(file)));

        error.Message.ShouldContain("Proxy API");
        Emulator.Journal.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Unknown_action_in_an_untyped_run_surfaces_the_servers_error()
    {
        var client = CreateClient();

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync("SLACK_NOT_AN_ACTION", BinaryData.FromString("{}")));

        error.Kind.ShouldBe(ActionKitErrorKind.NotFound);
        error.Status.ShouldBe(404);
        error.Code.ShouldBe("ACTION_NOT_FOUND");
        error.ErrorMessage!.ShouldContain("SLACK_NOT_AN_ACTION");
        error.RequestId.ShouldNotBeNullOrEmpty();
        error.RawBody!.ToString().ShouldContain("ACTION_NOT_FOUND");
        Emulator.Journal.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Missing_required_parameter_is_a_validation_error()
    {
        var client = CreateClient();

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync("SLACK_SEND_MESSAGE", BinaryData.FromString("""{"channel":"C1"}""")));

        error.Kind.ShouldBe(ActionKitErrorKind.Validation);
        error.Status.ShouldBe(400);
        error.ErrorMessage!.ShouldContain("message");
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_unauthorized_and_not_retried()
    {
        var client = CreateClient(o => o.SigningKey = TestKeys.PrivateKeyPem);

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackListChannels()));

        error.Kind.ShouldBe(ActionKitErrorKind.Unauthorized);
        error.Status.ShouldBe(401);
        Emulator.Journal.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Per_user_tokens_act_as_their_user()
    {
        var client = CreateClient();
        Emulator.DisconnectIntegration("user-2", "slack");
        var user2 = client.WithTokenProvider(new ParagonUserToken(Emulator.SigningKeyPem, "user-2"));

        await client.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);
        (await Should.ThrowAsync<ActionKitException>(() => user2.RunAsync(new SlackListChannels()))).Kind.ShouldBe(ActionKitErrorKind.NotConnected);

        Emulator.Journal.Select(r => new JsonWebToken(r.Authorization!["Bearer ".Length..]).Subject).ShouldBe([UserId, "user-2"]);
    }
}
