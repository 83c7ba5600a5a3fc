using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.Diagnostics;

public sealed class ObservabilityTests
{
    [Fact]
    public async Task Each_run_is_one_activity_with_action_integration_status_and_retry_count()
    {
        using var collector = new ActivityCollector();
        var server = new FakeActionKit().Then(HttpStatusCode.ServiceUnavailable, "{}").Then(HttpStatusCode.OK, """{"channels":[]}""");
        var client = Clients.Create(server);

        await client.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);

        var activity = collector.Activities.ShouldHaveSingleItem();
        activity.Source.Name.ShouldBe("ActionKit.Typed");
        activity.Kind.ShouldBe(ActivityKind.Client);
        activity.GetTagItem("actionkit.action").ShouldBe("SLACK_LIST_CHANNELS");
        activity.GetTagItem("actionkit.integration").ShouldBe("slack");
        activity.GetTagItem("http.response.status_code").ShouldBe(200);
        activity.GetTagItem("actionkit.retry_count").ShouldBe(1);
        activity.Status.ShouldBe(ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task A_failed_run_records_the_error_kind_and_request_id()
    {
        using var collector = new ActivityCollector();
        var server = new FakeActionKit().Then(HttpStatusCode.BadRequest, """{"message":"Integration not enabled for user.","status":400,"meta":{"requestId":"req-9"}}""");
        var client = Clients.Create(server);

        await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "hi")));

        var activity = collector.Activities.ShouldHaveSingleItem();
        activity.Status.ShouldBe(ActivityStatusCode.Error);
        activity.GetTagItem("error.type").ShouldBe("NotConnected");
        activity.GetTagItem("http.response.status_code").ShouldBe(400);
        activity.GetTagItem("actionkit.request_id").ShouldBe("req-9");
    }

    [Fact]
    public async Task Tracing_can_be_switched_off()
    {
        using var collector = new ActivityCollector();
        var client = Clients.Create(new FakeActionKit(), o => o.EnableDistributedTracing = false);

        await client.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);

        collector.Activities.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_token_appears_in_no_exception_log_line_or_activity_tag()
    {
        var minter = new ParagonUserToken(TestKeys.PrivateKeyPem, "user-secret-scan");
        var minted = minter.GetToken();
        var secrets = new[] { Clients.Token, minted, minted.Split('.')[2], Clients.Token.Split('.')[1] };

        using var collector = new ActivityCollector();
        var logs = new CollectingLoggerFactory();
        var texts = new List<string>();

        foreach (var useMinted in new[] { false, true })
        {
            var server = new FakeActionKit()
                .Then(HttpStatusCode.OK, """{"ok":true}""")
                .Then(HttpStatusCode.Unauthorized, """{"message":"Invalid token","code":"1001","status":401,"meta":{}}""")
                .Then(HttpStatusCode.InternalServerError, """{"message":"{\"message\":\"boom\"}","code":"41070","status":500,"meta":{"requestId":"r"}}""")
                .Then(HttpStatusCode.TooManyRequests, "{}", configure: r => r.Headers.Add("Retry-After", "9999"))
                .ThenDrop()
                .Then(HttpStatusCode.OK, "not json", "text/plain");
            var client = Clients.Create(server, o =>
            {
                if (useMinted)
                {
                    o.Token = null;
                    o.TokenProvider = minter;
                }

                var logging = new ClientLoggingOptions
                {
                    LoggerFactory = logs,
                    EnableLogging = true,
                    EnableMessageLogging = true,
                    EnableMessageContentLogging = true,
                };
                logging.AllowedHeaderNames.Add("Authorization");
                o.ClientLoggingOptions = logging;
            });

            for (var i = 0; i < 6; i++)
            {
                try
                {
                    await client.RunAsync(new SlackSendMessage("C1", "hi"), TestContext.Current.CancellationToken);
                }
                catch (Exception ex)
                {
                    texts.Add(ex.Message);
                    texts.Add(ex.ToString());
                }
            }

            server.Requests.Count.ShouldBe(6);
            server.Requests.ShouldAllBe(r => r.Header("Authorization")!.StartsWith("Bearer ey"));
            texts.Add(client.ToString()!);
        }

        texts.Count.ShouldBeGreaterThan(10);
        logs.Lines.ShouldNotBeEmpty();
        logs.Lines.ShouldContain(line => line.Contains("projects/" + Clients.ProjectId + "/actions"));
        logs.Lines.ShouldContain(line => line.Contains("Authorization", StringComparison.OrdinalIgnoreCase) && line.Contains("REDACTED"));
        texts.Add(minter.ToString());
        texts.AddRange(logs.Lines);
        texts.AddRange(collector.Activities.SelectMany(a => a.TagObjects.Select(t => t.Key + "=" + t.Value).Append(a.StatusDescription ?? string.Empty).Append(a.DisplayName)));
        collector.Activities.Count.ShouldBe(12);

        foreach (var secret in secrets)
        {
            texts.ShouldAllBe(text => !text.Contains(secret), $"a secret leaked");
        }
    }
}
