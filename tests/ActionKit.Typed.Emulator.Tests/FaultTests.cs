using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Tests;

public sealed class FaultTests : EmulatorTest
{
    [Fact]
    public async Task Too_many_requests_has_retry_after_and_the_error_body()
    {
        Emulator.Faults.Enqueue(EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(2.2)));

        using var limited = await RunAsync("NOTION_SEARCH_PAGES");
        using var next = await RunAsync("NOTION_SEARCH_PAGES");

        await ReadErrorAsync(limited, 429, EmulatorErrorCodes.RateLimited);
        limited.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(3));
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Server_errors_have_the_error_body(int status)
    {
        Emulator.Faults.Enqueue(EmulatorFault.Status(status));

        using var response = await RunAsync("NOTION_SEARCH_PAGES");

        await ReadErrorAsync(response, status, EmulatorErrorCodes.ServerError);
    }

    [Fact]
    public async Task Dropped_connection_gives_no_response()
    {
        Emulator.Faults.Enqueue(EmulatorFault.DropConnection());

        await Should.ThrowAsync<HttpRequestException>(() => RunAsync("NOTION_SEARCH_PAGES"));

        using var next = await RunAsync("NOTION_SEARCH_PAGES");
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
        Emulator.Journal.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Delay_slows_the_response_then_answers_normally()
    {
        Emulator.Faults.Enqueue(EmulatorFault.Delay(TimeSpan.FromMilliseconds(400)));

        var watch = Stopwatch.StartNew();
        using var response = await RunAsync("NOTION_SEARCH_PAGES");

        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(380));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delay_stops_when_the_client_gives_up()
    {
        Emulator.Faults.Enqueue(EmulatorFault.Delay(TimeSpan.FromMinutes(5)));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(300));
        var request = new HttpRequestMessage(HttpMethod.Post, ActionsPath) { Content = JsonBody("""{"action": "NOTION_SEARCH_PAGES", "parameters": {}}""") };

        await Should.ThrowAsync<OperationCanceledException>(() => Http.SendAsync(request, timeout.Token));

        var watch = Stopwatch.StartNew();
        using var next = await RunAsync("NOTION_SEARCH_PAGES");
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Disposing_does_not_wait_for_a_pending_delay()
    {
        Emulator.Faults.Enqueue(EmulatorFault.Delay(TimeSpan.FromMinutes(5)));
        var pending = RunAsync("NOTION_SEARCH_PAGES");
        for (var i = 0; i < 200 && Emulator.Journal.Count == 0; i++)
        {
            await Task.Delay(25, Ct);
        }

        var watch = Stopwatch.StartNew();
        await Emulator.DisposeAsync();

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        await Should.ThrowAsync<HttpRequestException>(() => pending);
    }

    [Fact]
    public async Task Malformed_json_is_a_200_that_does_not_parse()
    {
        Emulator.Faults.Enqueue(EmulatorFault.MalformedJson());

        using var response = await RunAsync("NOTION_SEARCH_PAGES");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var text = await response.Content.ReadAsStringAsync(Ct);
        Should.Throw<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Truncated_json_is_a_200_with_the_start_of_the_real_body()
    {
        using var normal = await RunAsync("SLACK_LIST_CHANNELS");
        var full = await normal.Content.ReadAsStringAsync(Ct);
        Emulator.Faults.Enqueue(EmulatorFault.TruncatedJson());

        using var response = await RunAsync("SLACK_LIST_CHANNELS");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync(Ct);
        text.Length.ShouldBeLessThan(full.Length);
        full.ShouldStartWith(text);
        Should.Throw<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Fault_for_an_action_skips_other_requests()
    {
        Emulator.Faults.Enqueue(EmulatorFault.Status(503), action: "SLACK_LIST_CHANNELS", times: 2);

        using var list = await Http.GetAsync(ActionsPath, Ct);
        using var other = await RunAsync("NOTION_SEARCH_PAGES");
        using var first = await RunAsync("SLACK_LIST_CHANNELS");
        using var second = await RunAsync("SLACK_LIST_CHANNELS", path: ToolsPath, key: "tool");
        using var third = await RunAsync("SLACK_LIST_CHANNELS");

        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        second.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        third.StatusCode.ShouldBe(HttpStatusCode.OK);
        Emulator.Faults.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task Faults_apply_in_order_and_come_before_auth()
    {
        Emulator.Faults.Enqueue(EmulatorFault.Status(500));
        Emulator.Faults.Enqueue(EmulatorFault.TooManyRequests(TimeSpan.Zero));
        Http.DefaultRequestHeaders.Authorization = null;

        using var first = await Http.GetAsync(ActionsPath, Ct);
        using var second = await Http.GetAsync(ActionsPath, Ct);
        using var third = await Http.GetAsync(ActionsPath, Ct);

        ((int)first.StatusCode).ShouldBe(500);
        ((int)second.StatusCode).ShouldBe(429);
        second.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.Zero);
        ((int)third.StatusCode).ShouldBe(401);
    }

    [Fact]
    public async Task Fault_with_a_predicate_can_target_proxy_and_connect_paths()
    {
        Emulator.Faults.EnqueueWhen(EmulatorFault.Status(502), r => r.Path.Contains("/sdk/proxy/slack/", StringComparison.Ordinal));

        using var run = await RunAsync("NOTION_SEARCH_PAGES");
        using var me = await Http.GetAsync($"projects/{Emulator.ProjectId}/sdk/me", Ct);
        using var proxied = await Http.GetAsync($"projects/{Emulator.ProjectId}/sdk/proxy/slack/conversations.list", Ct);

        run.StatusCode.ShouldBe(HttpStatusCode.OK);
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        await ReadErrorAsync(proxied, 502, EmulatorErrorCodes.ServerError);
    }

    [Fact]
    public async Task Clear_removes_queued_faults()
    {
        Emulator.Faults.Enqueue(EmulatorFault.Status(500), null, 3);
        Emulator.Faults.Pending.ShouldBe(3);
        Emulator.Faults.Clear();

        using var response = await RunAsync("NOTION_SEARCH_PAGES");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Faulted_requests_are_journaled()
    {
        Emulator.Faults.Enqueue(EmulatorFault.Status(502));
        Emulator.Faults.Enqueue(EmulatorFault.DropConnection());

        using var first = await RunAsync("NOTION_SEARCH_PAGES");
        await Should.ThrowAsync<HttpRequestException>(() => RunAsync("SLACK_LIST_CHANNELS"));

        Emulator.Journal.Select(r => r.ActionName).ShouldBe(["NOTION_SEARCH_PAGES", "SLACK_LIST_CHANNELS"]);
        Emulator.Journal.Select(r => r.ResponseStatus).ShouldBe([502, null]);
    }

    [Fact]
    public void Invalid_faults_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => EmulatorFault.Status(200));
        Should.Throw<ArgumentOutOfRangeException>(() => EmulatorFault.Delay(TimeSpan.FromSeconds(-1)));
        Should.Throw<ArgumentOutOfRangeException>(() => Emulator.Faults.Enqueue(EmulatorFault.DropConnection(), times: 0));
    }
}
