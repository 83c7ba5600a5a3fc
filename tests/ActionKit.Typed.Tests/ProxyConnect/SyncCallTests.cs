using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using ActionKit.Typed.Emulator;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.ProxyConnect;

/// <summary>The synchronous methods put the same wire on the same pipeline as the asynchronous ones.</summary>
public sealed class SyncCallTests : IClassFixture<ProxyConnectFixture>
{
    private readonly ProxyConnectFixture _fixture;

    public SyncCallTests(ProxyConnectFixture fixture)
    {
        _fixture = fixture;
        fixture.Emulator.Reset();
    }

    private ActionKitEmulator Emulator => _fixture.Emulator;

    [Fact]
    public void Proxy_calls_run_synchronously_with_the_same_wire()
    {
        var client = _fixture.CreateClient().WithCredential("cred-s");
        var ct = TestContext.Current.CancellationToken;

        var sent = client.Proxy.Send(HttpMethod.Patch, "slack", "x?y=1", BinaryData.FromString("""{"a":1}"""), cancellationToken: ct);
        var got = client.Proxy.Get("slack", "users.list", cancellationToken: ct);
        using (var file = client.Proxy.Download("googledrive", "files/70000", cancellationToken: ct).Value)
        {
            ProxyWireTests.CountPatternBytes(file.Content).ShouldBe(70000);
        }

        using var content = new MemoryStream(new byte[] { 1, 2, 3 });
        var uploaded = client.Proxy.Upload("googledrive", "upload", content, "image/png", HttpMethod.Put, cancellationToken: ct);

        sent.Value.Output.GetProperty("method").GetString().ShouldBe("PATCH");
        got.Value.Output.GetProperty("method").GetString().ShouldBe("GET");
        uploaded.Value.Output.GetProperty("bodyLength").GetInt32().ShouldBe(3);
        var wire = Emulator.Journal.Snapshot();
        wire.Select(r => r.Method).ShouldBe(["PATCH", "GET", "GET", "PUT"]);
        wire[0].Path.ShouldBe(_fixture.ProxyPath("slack/x?y=1"));
        wire[0].BodyText.ShouldBe("""{"a":1}""");
        wire[2].Header("X-Paragon-Use-Raw-Response").ShouldBe("1");
        wire[3].Header("Content-Type").ShouldBe("image/png");
        wire.ShouldAllBe(r => r.Header("X-Paragon-Credential") == "cred-s");
    }

    [Fact]
    public void Connect_calls_run_synchronously_and_update_config_by_read_modify_write()
    {
        var client = _fixture.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var credentialId = Emulator.CredentialId(ProxyConnectFixture.UserId, "slack");
        var workflows = Emulator.WorkflowIds("slack");
        var before = JsonNode.Parse(Emulator.GetCredentialConfig(credentialId, "slack"))!;

        client.Connect.GetUser(cancellationToken: ct).Value.UserId.ShouldBe(ProxyConnectFixture.UserId);
        client.Connect.GetIntegrations(cancellationToken: ct).Value.ShouldContain(i => i.Type == "slack");
        client.Connect.GetCredentials("slack", cancellationToken: ct).Value.ShouldHaveSingleItem().Id.ShouldBe(credentialId);
        client.Connect.GetCredential(credentialId, cancellationToken: ct).Value.Status.ShouldBe(CredentialStatus.Valid);
        client.Connect.SetWorkflowEnabled(credentialId, workflows[1], true, cancellationToken: ct);
        client.Connect.TriggerWorkflow(workflows[0], BinaryData.FromString("""{"x":1}"""), cancellationToken: ct).Value.Body.GetProperty("received").GetProperty("x").GetInt32().ShouldBe(1);
        client.Connect.SendEvent("Signed Up", BinaryData.FromString("""{"plan":"pro"}"""), cancellationToken: ct).GetRawResponse().Status.ShouldBe(200);

        var expected = before.DeepClone();
        expected["configuredWorkflows"]![workflows[1]]!["enabled"] = true;
        JsonNode.DeepEquals(JsonNode.Parse(Emulator.GetCredentialConfig(credentialId, "slack")), expected).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => client.Connect.GetCredential("../x", cancellationToken: ct)).ParamName.ShouldBe("credentialId");
        Should.Throw<ArgumentException>(() => client.Proxy.Get("slack", "%2e%2e/admin", cancellationToken: ct)).ParamName.ShouldBe("path");
        Emulator.Journal.Count.ShouldBe(8);
    }
}
