using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.Loopback;

/// <summary>Each fault the emulator injects, over loopback HTTP, maps to its documented exception or retry.</summary>
public sealed class EmulatorFaultTests(EmulatorFixture fixture) : EmulatorTestBase(fixture)
{
    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Write_under_a_server_error_reaches_the_server_exactly_once(int status)
    {
        Emulator.Faults.Enqueue(EmulatorFault.Status(status), "SLACK_SEND_MESSAGE", times: 5);
        var client = CreateClient();

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "once")));

        error.Kind.ShouldBe(ActionKitErrorKind.Server);
        error.Status.ShouldBe(status);
        error.Code.ShouldBe("SERVER_ERROR");
        error.RequestId.ShouldNotBeNullOrEmpty();
        error.RetryCount.ShouldBe(0);
        Emulator.Journal.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Write_whose_connection_is_dropped_reaches_the_server_exactly_once()
    {
        Emulator.Faults.Enqueue(EmulatorFault.DropConnection(), "SLACK_SEND_MESSAGE", times: 5);
        var client = CreateClient();

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "once")));

        error.Kind.ShouldBe(ActionKitErrorKind.Transport);
        error.Status.ShouldBe(0);
        error.Message.ShouldContain("not sent again");
        Emulator.Journal.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Read_under_503_then_200_succeeds()
    {
        Emulator.Faults.Enqueue(EmulatorFault.Status(503), "SLACK_LIST_CHANNELS");
        Emulator.SetResult("SLACK_LIST_CHANNELS", """{"channels":[{"id":"C1"}]}""");
        var client = CreateClient();

        var result = await client.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);

        result.Value.Value.GetProperty("channels")[0].GetProperty("id").GetString().ShouldBe("C1");
        Emulator.Journal.Count.ShouldBe(2);
        Emulator.Journal[1].BodyText.ShouldBe(Emulator.Journal[0].BodyText);
    }

    [Fact]
    public async Task Retried_read_resends_a_body_larger_than_one_buffer_unchanged()
    {
        Emulator.Faults.Enqueue(EmulatorFault.Status(503), "SLACK_LIST_CHANNELS");
        var text = new string('x', 200_000) + "é";
        var parameters = BinaryData.FromString("{\"cursor\":\"" + text + "\"}");
        var client = CreateClient();

        await client.RunAsync("SLACK_LIST_CHANNELS", parameters, cancellationToken: TestContext.Current.CancellationToken);

        Emulator.Journal.Count.ShouldBe(2);
        Emulator.Journal[0].BodyText.ShouldBe("{\"action\":\"SLACK_LIST_CHANNELS\",\"parameters\":{\"cursor\":\"" + text + "\"}}");
        Emulator.Journal[1].BodyText.ShouldBe(Emulator.Journal[0].BodyText);
    }

    [Fact]
    public async Task Read_whose_connection_is_dropped_is_retried()
    {
        Emulator.Faults.Enqueue(EmulatorFault.DropConnection(), "SLACK_LIST_CHANNELS");
        var client = CreateClient();

        await client.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);

        Emulator.Journal.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Write_is_resent_after_503_only_on_opt_in()
    {
        Emulator.Faults.Enqueue(EmulatorFault.Status(503), "SLACK_SEND_MESSAGE");
        var client = CreateClient();

        var result = await client.RunAsync(new SlackSendMessage("C1", "idempotent"), new ActionRunOptions { RetryWrites = true }, TestContext.Current.CancellationToken);

        result.Value.Ok.ShouldBeTrue();
        Emulator.Journal.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Rate_limited_run_waits_at_least_retry_after_then_succeeds()
    {
        Emulator.Faults.Enqueue(EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(4)), "SLACK_SEND_MESSAGE");
        var client = CreateClient();

        var result = await client.RunAsync(new SlackSendMessage("C1", "hi"), TestContext.Current.CancellationToken);

        result.Value.Ok.ShouldBeTrue();
        Emulator.Journal.Count.ShouldBe(2);
        Time.Waits.ShouldHaveSingleItem().ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Rate_limit_longer_than_the_cap_fails_with_retry_after()
    {
        Emulator.Faults.Enqueue(EmulatorFault.TooManyRequests(TimeSpan.FromMinutes(10)), "SLACK_LIST_CHANNELS");
        var client = CreateClient(o => o.MaxRetryAfter = TimeSpan.FromSeconds(30));

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackListChannels()));

        error.Kind.ShouldBe(ActionKitErrorKind.RateLimited);
        error.Status.ShouldBe(429);
        error.RetryAfter.ShouldBe(TimeSpan.FromMinutes(10));
        Time.Waits.ShouldBeEmpty();
        Emulator.Journal.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Rate_limited_until_retries_run_out_is_rate_limited()
    {
        Emulator.Faults.Enqueue(EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(1)), "SLACK_LIST_CHANNELS", times: 10);
        var client = CreateClient(o => o.MaxRetries = 2);

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackListChannels()));

        error.Kind.ShouldBe(ActionKitErrorKind.RateLimited);
        error.RetryCount.ShouldBe(2);
        Time.Waits.Count.ShouldBe(2);
        Time.Waits.ShouldAllBe(wait => wait >= TimeSpan.FromSeconds(1));
        Emulator.Journal.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Slow_write_times_out_and_reaches_the_server_exactly_once()
    {
        Emulator.Faults.Enqueue(EmulatorFault.Delay(TimeSpan.FromSeconds(30)), "SLACK_SEND_MESSAGE", times: 5);
        var client = CreateClient(o => o.NetworkTimeout = TimeSpan.FromSeconds(1));

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "slow")));

        error.Kind.ShouldBe(ActionKitErrorKind.Timeout);
        Emulator.Journal.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Slow_read_is_retried_after_the_timeout()
    {
        Emulator.Faults.Enqueue(EmulatorFault.Delay(TimeSpan.FromSeconds(30)), "SLACK_LIST_CHANNELS");
        var client = CreateClient(o => o.NetworkTimeout = TimeSpan.FromSeconds(2));

        await client.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);

        Emulator.Journal.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Malformed_json_success_is_an_invalid_response_with_the_raw_body()
    {
        Emulator.Faults.Enqueue(EmulatorFault.MalformedJson(), "SLACK_LIST_CHANNELS");
        var client = CreateClient();

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackListChannels()));

        error.Kind.ShouldBe(ActionKitErrorKind.InvalidResponse);
        error.Status.ShouldBe(200);
        error.RawBody!.ToString().ShouldContain("<html>");
        Emulator.Journal.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Truncated_json_success_is_an_invalid_response_with_the_raw_body()
    {
        Emulator.SetResult("SLACK_SEND_MESSAGE", """{"ok":true,"channel":"C1","ts":"1700000000.000100","message":{"text":"hi"}}""");
        Emulator.Faults.Enqueue(EmulatorFault.TruncatedJson(), "SLACK_SEND_MESSAGE");
        var client = CreateClient();

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "hi")));

        error.Kind.ShouldBe(ActionKitErrorKind.InvalidResponse);
        error.RawBody!.ToString().ShouldStartWith("""{"ok":true""");
        error.RawBody.ToArray().Length.ShouldBeLessThan(70);
        Emulator.Journal.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Faults_on_one_action_leave_other_calls_alone()
    {
        Emulator.Faults.Enqueue(EmulatorFault.Status(503), "SLACK_SEND_MESSAGE");
        var client = CreateClient();

        await client.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);
        await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "x")));

        Emulator.Journal.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_token_sent_over_the_wire_appears_in_no_exception_log_line_or_activity_tag()
    {
        using var collector = new ActivityCollector();
        var logs = new CollectingLoggerFactory();
        var client = CreateClient(o =>
        {
            o.NetworkTimeout = TimeSpan.FromSeconds(2);
            o.ClientLoggingOptions = new ClientLoggingOptions { LoggerFactory = logs, EnableLogging = true, EnableMessageLogging = true, EnableMessageContentLogging = true };
        });
        EmulatorFault[] faults =
        [
            EmulatorFault.Status(500), EmulatorFault.DropConnection(), EmulatorFault.TooManyRequests(TimeSpan.FromHours(1)),
            EmulatorFault.Delay(TimeSpan.FromSeconds(30)), EmulatorFault.MalformedJson(), EmulatorFault.TruncatedJson(),
        ];
        var texts = new List<string>();

        foreach (var fault in faults)
        {
            Emulator.Faults.Enqueue(fault, "SLACK_SEND_MESSAGE");
            var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "scan")));
            texts.Add(error.Message);
            texts.Add(error.ToString());
        }

        await client.RunAsync(new SlackSendMessage("C1", "ok"), TestContext.Current.CancellationToken);
        var unknown = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync("SLACK_NOPE", null));
        texts.Add(unknown.ToString());

        var tokens = Emulator.Journal.Select(r => r.Authorization!["Bearer ".Length..]).Distinct().ToList();
        tokens.ShouldNotBeEmpty();
        var secrets = tokens.Concat(tokens.Select(t => t.Split('.')[2])).ToList();
        logs.Lines.ShouldNotBeEmpty();
        texts.AddRange(logs.Lines);
        texts.AddRange(collector.Activities.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(a.StatusDescription ?? string.Empty)));
        texts.Add(client.ToString()!);
        collector.Activities.Count.ShouldBe(8);

        foreach (var secret in secrets)
        {
            texts.ShouldAllBe(text => !text.Contains(secret));
        }
    }
}
