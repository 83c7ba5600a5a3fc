using System;
using System.Net;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.Client;

public sealed class SyncRunTests
{
    [Fact]
    public void Sync_typed_run_sends_the_same_wire_and_reads_the_result()
    {
        var server = new FakeActionKit().Then(HttpStatusCode.OK, """{"ok":true,"ts":"9"}""");
        var client = Clients.Create(server);

        var result = client.Run(new SlackSendMessage("C1", "hi"), new ActionRunOptions { CredentialId = "c" }, TestContext.Current.CancellationToken);

        result.Value.ShouldBe(new SlackSendMessageResult(true, "9"));
        var request = server.Requests.ShouldHaveSingleItem();
        request.BodyText.ShouldBe("""{"action":"SLACK_SEND_MESSAGE","parameters":{"channel":"C1","message":"hi"}}""");
        request.Header("Authorization").ShouldBe("Bearer " + Clients.Token);
        request.Header("X-Paragon-Credential").ShouldBe("c");
    }

    [Fact]
    public void Sync_runs_keep_the_retry_rules()
    {
        var server = new FakeActionKit()
            .Then(HttpStatusCode.ServiceUnavailable, "{}")
            .Then(HttpStatusCode.ServiceUnavailable, "{}")
            .Then(HttpStatusCode.OK, """{"channels":[]}""");
        var client = Clients.Create(server);

        Should.Throw<ActionKitException>(() => client.Run(new SlackSendMessage("C1", "hi"))).Kind.ShouldBe(ActionKitErrorKind.Server);
        server.Requests.Count.ShouldBe(1);

        client.Run("SLACK_LIST_CHANNELS", BinaryData.FromString("{}"), cancellationToken: TestContext.Current.CancellationToken).Value.Value.GetProperty("channels").GetArrayLength().ShouldBe(0);
        server.Requests.Count.ShouldBe(3);
    }
}
