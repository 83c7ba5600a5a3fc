using System;
using System.Net;
using System.Threading.Tasks;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.Errors;

public sealed class ErrorMappingTests
{
    private const string DocumentedError =
        """{"message":"{\"message\":\"Unable to update Task\",\"details\":{\"err\":\"Team not authorized\",\"ECODE\":\"OAUTH_027\"}}","code":"41070","status":500,"meta":{"requestId":"4c7445d2-1972-4ed6-9e47-46053bf1d45f"}}""";

    [Fact]
    public async Task Documented_error_body_is_parsed_including_a_json_encoded_message()
    {
        var server = new FakeActionKit().Then(HttpStatusCode.InternalServerError, DocumentedError);
        var client = Clients.Create(server);

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "hi")));

        error.Kind.ShouldBe(ActionKitErrorKind.Server);
        error.Status.ShouldBe(500);
        error.Code.ShouldBe("41070");
        error.ErrorMessage.ShouldBe("Unable to update Task");
        error.ErrorDetails!.Value.GetProperty("ECODE").GetString().ShouldBe("OAUTH_027");
        error.RequestId.ShouldBe("4c7445d2-1972-4ed6-9e47-46053bf1d45f");
        error.ActionName.ShouldBe("SLACK_SEND_MESSAGE");
        error.Integration.ShouldBe("slack");
        error.RawBody!.ToString().ShouldBe(DocumentedError);
        error.GetRawResponse()!.Status.ShouldBe(500);
        error.GetRawResponse()!.Content.ToString().ShouldBe(DocumentedError);
        error.Message.ShouldContain("Unable to update Task");
        error.Message.ShouldContain("41070");
        error.Message.ShouldContain("4c7445d2-1972-4ed6-9e47-46053bf1d45f");
    }

    [Theory]
    [InlineData(400, """{"message":"Integration not enabled for user.","code":"7101","status":400,"meta":{}}""", ActionKitErrorKind.NotConnected)]
    [InlineData(500, """{"message":"Integration not enabled for user.","code":"7101","status":500,"meta":{}}""", ActionKitErrorKind.NotConnected)]
    [InlineData(401, """{"message":"Unauthorized","code":"1001","status":401,"meta":{}}""", ActionKitErrorKind.Unauthorized)]
    [InlineData(403, """{"message":"Insufficient permission","code":"7210","status":403,"meta":{}}""", ActionKitErrorKind.Unauthorized)]
    [InlineData(400, """{"message":["channel must be a string"],"code":"400","status":400,"meta":{}}""", ActionKitErrorKind.Validation)]
    [InlineData(404, """{"message":"Action not found: NOPE","code":"404","status":404,"meta":{}}""", ActionKitErrorKind.NotFound)]
    [InlineData(502, """{"message":"Bad gateway","status":502}""", ActionKitErrorKind.Server)]
    [InlineData(418, """{"message":"teapot"}""", ActionKitErrorKind.Unknown)]
    public async Task Status_and_message_map_to_a_kind(int status, string body, ActionKitErrorKind kind)
    {
        var server = new FakeActionKit().Then((HttpStatusCode)status, body);
        var client = Clients.Create(server, o => o.MaxRetries = 0);

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "hi")));

        error.Kind.ShouldBe(kind);
        error.Status.ShouldBe(status);
        error.RawBody!.ToString().ShouldBe(body);
    }

    [Fact]
    public async Task Validation_array_messages_are_joined()
    {
        var server = new FakeActionKit().Then(HttpStatusCode.BadRequest, """{"message":["channel must be a string","message should not be empty"],"status":400}""");
        var client = Clients.Create(server);

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "hi")));

        error.ErrorMessage.ShouldBe("channel must be a string; message should not be empty");
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "text/html")]
    [InlineData("""{"message":"Unable to upd""", "application/json")]
    [InlineData("", "application/json")]
    public async Task Non_json_truncated_or_empty_error_bodies_keep_the_raw_body_and_status(string body, string contentType)
    {
        var server = new FakeActionKit().Then(HttpStatusCode.BadGateway, body, contentType);
        var client = Clients.Create(server);

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "hi")));

        error.Status.ShouldBe(502);
        error.Kind.ShouldBe(ActionKitErrorKind.Server);
        error.RawBody!.ToString().ShouldBe(body);
        error.Code.ShouldBeNull();
        error.ErrorMessage.ShouldBeNull();
        error.Message.ShouldContain("502");
    }

    [Fact]
    public async Task Unknown_action_in_an_untyped_run_surfaces_the_servers_error()
    {
        var server = new FakeActionKit().Then(HttpStatusCode.BadRequest, """{"message":"Action NOT_AN_ACTION does not exist.","code":"4040","status":400,"meta":{"requestId":"r-1"}}""");
        var client = Clients.Create(server);

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync("NOT_AN_ACTION", null));

        error.ActionName.ShouldBe("NOT_AN_ACTION");
        error.Code.ShouldBe("4040");
        error.ErrorMessage.ShouldBe("Action NOT_AN_ACTION does not exist.");
        error.RequestId.ShouldBe("r-1");
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public void ActionKitException_can_be_built_for_mocks()
    {
        var error = new ActionKitException("rate limited", ActionKitErrorKind.RateLimited) { RetryAfter = TimeSpan.FromSeconds(3) };

        error.Kind.ShouldBe(ActionKitErrorKind.RateLimited);
        error.Status.ShouldBe(0);
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(3));
    }
}
