using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.Retries;

public sealed class RetryTests
{
    [Fact]
    public async Task Write_under_503_is_sent_once()
    {
        var server = new FakeActionKit().Then(HttpStatusCode.ServiceUnavailable, """{"message":"down","status":503}""");
        var client = Clients.Create(server);

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "hi")));

        error.Kind.ShouldBe(ActionKitErrorKind.Server);
        error.RetryCount.ShouldBe(0);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_write_held_back_is_logged()
    {
        var logs = new CollectingLoggerFactory();
        var server = new FakeActionKit().Then(HttpStatusCode.ServiceUnavailable, "{}");
        var client = Clients.Create(server, o => o.ClientLoggingOptions = new System.ClientModel.Primitives.ClientLoggingOptions { LoggerFactory = logs });

        await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "hi")));

        logs.Lines.ShouldContain(line => line.StartsWith("ActionKit.Typed Warning") && line.Contains("SLACK_SEND_MESSAGE was not sent again after HTTP 503"));
    }

    [Fact]
    public async Task Write_whose_connection_dropped_is_sent_once()
    {
        var server = new FakeActionKit().ThenDrop();
        var client = Clients.Create(server);

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "hi")));

        error.Kind.ShouldBe(ActionKitErrorKind.Transport);
        error.Message.ShouldContain("write action");
        error.Status.ShouldBe(0);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Write_is_retried_after_503_when_the_call_opts_in()
    {
        var server = new FakeActionKit().Then(HttpStatusCode.ServiceUnavailable, "{}");
        var client = Clients.Create(server);

        var result = await client.RunAsync(new SlackSendMessage("C1", "hi"), new ActionRunOptions { RetryWrites = true }, TestContext.Current.CancellationToken);

        result.Value.Ok.ShouldBeTrue();
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Read_under_503_then_200_succeeds()
    {
        var server = new FakeActionKit().Then(HttpStatusCode.ServiceUnavailable, "{}").Then(HttpStatusCode.OK, """{"channels":[]}""");
        var client = Clients.Create(server);

        var result = await client.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);

        result.Value.Value.GetProperty("channels").GetArrayLength().ShouldBe(0);
        server.Requests.Count.ShouldBe(2);
        server.Requests[1].BodyText.ShouldBe(server.Requests[0].BodyText);
    }

    [Fact]
    public async Task Read_whose_connection_dropped_is_retried()
    {
        var server = new FakeActionKit().ThenDrop().Then(HttpStatusCode.OK, """{"channels":[]}""");
        var client = Clients.Create(server);

        await client.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);

        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Read_gives_up_after_max_retries_with_the_last_error()
    {
        var server = new FakeActionKit();
        for (var i = 0; i < 5; i++)
        {
            server.Then(HttpStatusCode.BadGateway, """{"message":"bad gateway","status":502}""");
        }

        var client = Clients.Create(server, o => o.MaxRetries = 2);

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackListChannels()));

        error.Kind.ShouldBe(ActionKitErrorKind.Server);
        error.RetryCount.ShouldBe(2);
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Connection_refused_is_retried_even_for_a_write_because_nothing_was_sent()
    {
        var server = new FakeActionKit()
            .Then((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"))
            .Then(HttpStatusCode.OK, """{"ok":true}""");
        var client = Clients.Create(server);

        (await client.RunAsync(new SlackSendMessage("C1", "hi"), TestContext.Current.CancellationToken)).Value.Ok.ShouldBeTrue();
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Rate_limited_write_waits_at_least_retry_after_then_is_sent_again()
    {
        var time = new RecordingTimeProvider();
        var server = new FakeActionKit()
            .Then(HttpStatusCode.TooManyRequests, """{"message":"slow down","status":429}""", configure: r => r.Headers.Add("Retry-After", "7"))
            .Then(HttpStatusCode.OK, """{"ok":true}""");
        var client = Clients.Create(server, o => o.TimeProvider = time);

        var run = client.RunAsync(new SlackSendMessage("C1", "hi"), TestContext.Current.CancellationToken);
        (await time.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(7));
        time.Advance(TimeSpan.FromSeconds(6.9));
        server.Requests.Count.ShouldBe(1);
        run.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(0.1));

        (await run).Value.Ok.ShouldBeTrue();
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Rate_limit_without_retry_after_backs_off()
    {
        var time = new RecordingTimeProvider { AutoAdvance = true };
        var server = new FakeActionKit().Then(HttpStatusCode.TooManyRequests, "{}").Then(HttpStatusCode.TooManyRequests, "{}");
        var client = Clients.Create(server, o => o.TimeProvider = time);

        await client.RunAsync(new SlackSendMessage("C1", "hi"), TestContext.Current.CancellationToken);

        server.Requests.Count.ShouldBe(3);
        time.Waits.Count.ShouldBe(2);
        time.Waits.ShouldAllBe(wait => wait > TimeSpan.Zero);
        time.Waits[1].ShouldBeGreaterThan(time.Waits[0]);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_honoured()
    {
        var time = new RecordingTimeProvider { AutoAdvance = true };
        var server = new FakeActionKit()
            .Then(HttpStatusCode.TooManyRequests, "{}", configure: r => r.Headers.TryAddWithoutValidation("Retry-After", time.GetUtcNow().AddSeconds(30).ToString("r")))
            .Then(HttpStatusCode.OK, """{"channels":[]}""");
        var client = Clients.Create(server, o => o.TimeProvider = time);

        await client.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);

        time.Waits.ShouldHaveSingleItem().ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Retry_after_over_the_cap_fails_at_once_as_rate_limited()
    {
        var time = new RecordingTimeProvider { AutoAdvance = true };
        var server = new FakeActionKit().Then(HttpStatusCode.TooManyRequests, """{"message":"quota","status":429}""", configure: r => r.Headers.Add("Retry-After", "3600"));
        var client = Clients.Create(server, o =>
        {
            o.TimeProvider = time;
            o.MaxRetryAfter = TimeSpan.FromMinutes(1);
        });

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackListChannels()));

        error.Kind.ShouldBe(ActionKitErrorKind.RateLimited);
        error.RetryAfter.ShouldBe(TimeSpan.FromHours(1));
        server.Requests.Count.ShouldBe(1);
        time.Waits.ShouldBeEmpty();
    }

    [Fact]
    public async Task Rate_limited_until_retries_run_out_reports_retry_after()
    {
        var server = new FakeActionKit();
        for (var i = 0; i < 3; i++)
        {
            server.Then(HttpStatusCode.TooManyRequests, "{}", configure: r => r.Headers.Add("Retry-After", "2"));
        }

        var client = Clients.Create(server, o => o.MaxRetries = 2);

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "x")));

        error.Kind.ShouldBe(ActionKitErrorKind.RateLimited);
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(2));
        error.RetryCount.ShouldBe(2);
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Cancellation_during_a_retry_wait_stops_without_sending_again()
    {
        var time = new RecordingTimeProvider();
        var server = new FakeActionKit().Then(HttpStatusCode.TooManyRequests, "{}", configure: r => r.Headers.Add("Retry-After", "10"));
        var client = Clients.Create(server, o => o.TimeProvider = time);
        using var cts = new CancellationTokenSource();

        var run = client.RunAsync(new SlackListChannels(), cts.Token);
        await time.NextTimerAsync();
        cts.Cancel();

        await Should.ThrowAsync<OperationCanceledException>(() => run);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Cancellation_before_sending_sends_nothing()
    {
        var server = new FakeActionKit();
        var client = Clients.Create(server);

        await Should.ThrowAsync<OperationCanceledException>(() => client.RunAsync(new SlackListChannels(), new CancellationToken(true)));

        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Write_that_times_out_is_sent_once()
    {
        var server = new FakeActionKit().Then(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var client = Clients.Create(server, o => o.NetworkTimeout = TimeSpan.FromMilliseconds(500));

        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync(new SlackSendMessage("C1", "hi")));

        error.Kind.ShouldBe(ActionKitErrorKind.Timeout);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Read_that_times_out_is_retried()
    {
        var server = new FakeActionKit().Then(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }).Then(HttpStatusCode.OK, """{"channels":[]}""");
        var client = Clients.Create(server, o => o.NetworkTimeout = TimeSpan.FromSeconds(2));

        await client.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);

        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Untyped_runs_take_safety_from_the_catalog_or_the_name()
    {
        var server = new FakeActionKit()
            .Then(HttpStatusCode.ServiceUnavailable, "{}")
            .Then(HttpStatusCode.ServiceUnavailable, "{}")
            .Then(HttpStatusCode.OK, "{}")
            .Then(HttpStatusCode.ServiceUnavailable, "{}");
        var client = Clients.Create(server, o => o.Catalog = TestCatalog.All);

        // A read by name: retried.
        await client.RunAsync("HUBSPOT_GET_RECORDS_ANY", null, cancellationToken: TestContext.Current.CancellationToken);
        server.Requests.Count.ShouldBe(3);

        // A write known to the catalog (case-insensitive): not retried, and sent under its canonical name.
        var error = await Should.ThrowAsync<ActionKitException>(() => client.RunAsync("slack_send_message", null));
        error.Integration.ShouldBe("slack");
        server.Requests.Count.ShouldBe(4);
        server.Requests.Last().BodyText.ShouldContain("\"SLACK_SEND_MESSAGE\"");
    }

    [Fact]
    public async Task Messages_sent_directly_on_the_pipeline_follow_the_method_and_stop_at_max_retries()
    {
        var server = new FakeActionKit();
        for (var i = 0; i < 10; i++)
        {
            server.Then(HttpStatusCode.ServiceUnavailable, "{}");
        }

        var client = Clients.Create(server, o => o.MaxRetries = 2);

        using (var get = client.Pipeline.CreateMessage())
        {
            get.Request.Method = "GET";
            get.Request.Uri = new Uri("https://actionkit.test/projects/p/actions");
            await client.Pipeline.SendAsync(get);
            get.Response!.Status.ShouldBe(503);
        }

        server.Requests.Count.ShouldBe(3);

        using (var post = client.Pipeline.CreateMessage())
        {
            post.Request.Method = "POST";
            post.Request.Uri = new Uri("https://actionkit.test/projects/p/actions");
            await client.Pipeline.SendAsync(post);
        }

        server.Requests.Count.ShouldBe(4);
    }
}
