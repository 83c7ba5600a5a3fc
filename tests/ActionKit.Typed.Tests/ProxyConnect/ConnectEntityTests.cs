using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.ProxyConnect;

public sealed class ConnectEntityTests
{
    [Theory]
    [InlineData("VALID", true)]
    [InlineData("INVALID", true)]
    [InlineData("PENDING", true)]
    [InlineData("EXPIRED", false)]
    [InlineData("valid", false)]
    public void Credential_status_is_an_open_enum_that_keeps_any_value(string wire, bool known)
    {
        var credential = ConnectCredential.Parse($$"""{"id":"c1","status":"{{wire}}"}""");

        credential.Status!.Value.Value.ShouldBe(wire);
        credential.Status.Value.IsKnown.ShouldBe(known);
        credential.Status.Value.ToString().ShouldBe(wire);
        (credential.Status == new CredentialStatus(wire)).ShouldBeTrue();
        (credential.Status == CredentialStatus.Valid).ShouldBe(wire == "VALID");
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"configuredWorkflows":null,"sharedSettings":null}""")]
    [InlineData("""{"configuredWorkflows":{},"sharedSettings":{}}""")]
    [InlineData("""{"configuredWorkflows":{"w":{"settings":{"a":1.50}}}}""")]
    [InlineData("""{"configuredWorkflows":{"w":{"enabled":"yes","x":[1,{"b":null}]}},"sharedSettings":[1]}""")]
    [InlineData("""{"configuredWorkflows":{"w":true,"v":{"enabled":false}},"extra":{"deep":{"er":"1e3"}}}""")]
    public void Credential_config_round_trips_what_it_does_not_change(string json)
    {
        var config = CredentialConfig.Parse(json);

        JsonNode.DeepEquals(JsonNode.Parse(config.ToJson()), JsonNode.Parse(json)).ShouldBeTrue(config.ToJson());
        JsonNode.DeepEquals(JsonNode.Parse(config.Clone().ToJson()), JsonNode.Parse(json)).ShouldBeTrue();
    }

    [Fact]
    public void Unknown_credential_properties_and_unparsable_dates_are_kept()
    {
        var credential = ConnectCredential.Parse("""{"id":"c1","dateCreated":"yesterday","accountAuth":{"token":"x"},"refreshFailureCount":2}""");

        credential.DateCreated.ShouldBeNull();
        credential.ExtensionData["dateCreated"].GetString().ShouldBe("yesterday");
        credential.ExtensionData["accountAuth"].GetProperty("token").GetString().ShouldBe("x");
        credential.RefreshFailureCount.ShouldBe(2);
        credential.HasConfig.ShouldBeFalse();
    }
}
