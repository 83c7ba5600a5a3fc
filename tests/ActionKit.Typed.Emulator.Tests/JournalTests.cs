using System.Text.Json;

namespace ActionKit.Typed.Emulator.Tests;

public sealed class JournalTests : EmulatorTest
{
    [Fact]
    public async Task Records_method_path_query_headers_and_body()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var list = await Http.GetAsync(ActionsPath + "?integrations=slack&limit_to_available=false", Ct);
        using var run = await RunAsync("SLACK_SEND_MESSAGE", """{"channel": "C1", "message": "hi"}""", credential: "cred-7");

        Emulator.Journal.Count.ShouldBe(2);
        var get = Emulator.Journal[0];
        get.Method.ShouldBe("GET");
        get.Path.ShouldBe($"/projects/{Emulator.ProjectId}/actions?integrations=slack&limit_to_available=false");
        get.PathWithoutQuery.ShouldBe($"/projects/{Emulator.ProjectId}/actions");
        get.Body.ShouldBeEmpty();
        get.Timestamp.ShouldBeGreaterThan(before);

        var post = Emulator.Journal.Last!;
        post.Method.ShouldBe("POST");
        post.Headers["x-paragon-credential"].ShouldBe("cred-7");
        post.Headers["Content-Type"].ShouldStartWith("application/json");
        post.CredentialId.ShouldBe("cred-7");
        post.Authorization!.ShouldStartWith("Bearer ");
        post.ActionName.ShouldBe("SLACK_SEND_MESSAGE");
        using var body = post.BodyJson();
        body.RootElement.GetProperty("parameters").GetProperty("channel").GetString().ShouldBe("C1");
        post.BodyText.ShouldContain("\"SLACK_SEND_MESSAGE\"");
        get.ResponseStatus.ShouldBe(200);
        post.ResponseStatus.ShouldBe(200);
    }

    [Fact]
    public async Task Records_refused_requests_too()
    {
        Http.DefaultRequestHeaders.Authorization = null;

        using var unauthorized = await Http.GetAsync(ActionsPath, Ct);
        using var nowhere = await Http.GetAsync("nowhere", Ct);

        Emulator.Journal.Select(r => r.PathWithoutQuery).ShouldBe([$"/projects/{Emulator.ProjectId}/actions", "/nowhere"]);
        Emulator.Journal.Select(r => r.ResponseStatus).ShouldBe([401, 404]);
    }

    [Fact]
    public async Task Filters_by_path_and_action_and_clears()
    {
        using var a = await Http.GetAsync(ActionsPath, Ct);
        using var b = await RunAsync("NOTION_SEARCH_PAGES");
        using var c = await RunAsync("SLACK_LIST_CHANNELS", path: ToolsPath, key: "tool");

        Emulator.Journal.ForPath("/actions").Count.ShouldBe(2);
        Emulator.Journal.ForPath("/tools").Single().ActionName.ShouldBe("SLACK_LIST_CHANNELS");
        Emulator.Journal.PathContaining(Emulator.ProjectId).Count.ShouldBe(3);
        Emulator.Journal.ForAction("notion_search_pages").Count.ShouldBe(1);
        Emulator.Journal.Snapshot().Count.ShouldBe(3);

        Emulator.Journal.Clear();

        Emulator.Journal.Count.ShouldBe(0);
        Emulator.Journal.Last.ShouldBeNull();
    }

    [Fact]
    public async Task Recorded_event_fires_for_each_request()
    {
        var seen = new List<string>();
        Emulator.Journal.Recorded += r => { lock (seen) { seen.Add(r.Method); } };

        using var a = await Http.GetAsync(ActionsPath, Ct);
        using var b = await RunAsync("NOTION_SEARCH_PAGES");

        seen.ShouldBe(["GET", "POST"]);
    }

    [Fact]
    public async Task Concurrent_requests_are_all_recorded()
    {
        var calls = Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await RunAsync("NOTION_GET_PAGE_BY_ID", JsonSerializer.Serialize(new Dictionary<string, string> { ["pageId"] = $"p-{i}" }));
            response.EnsureSuccessStatusCode();
        });

        await Task.WhenAll(calls);

        Emulator.Journal.Count.ShouldBe(20);
        Emulator.Journal.Select(r => r.BodyText).Distinct().Count().ShouldBe(20);
    }

    [Fact]
    public async Task Reset_forgets_journal_faults_scripts_and_connections()
    {
        Emulator.SetResult("NOTION_SEARCH_PAGES", """{"scripted": true}""");
        Emulator.DisconnectIntegration("user-1", "notion");
        Emulator.Faults.Enqueue(EmulatorFault.Status(500));
        using var a = await Http.GetAsync("nowhere", Ct);

        Emulator.Reset();
        using var response = await RunAsync("NOTION_SEARCH_PAGES");

        (await ReadJsonAsync(response)).GetProperty("ok").GetBoolean().ShouldBeTrue();
        Emulator.Journal.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_bounded_journal_keeps_the_most_recent_requests()
    {
        var options = TestCatalog.Options();
        options.MaxJournalEntries = 2;
        await StartAsync(options);

        foreach (var path in new[] { "one", "two", "three" })
        {
            using var response = await Http.GetAsync(path, Ct);
        }

        Emulator.Journal.Select(r => r.PathWithoutQuery).ShouldBe(["/two", "/three"]);
    }

    [Fact]
    public async Task A_journal_bound_below_one_is_refused_at_start()
    {
        var options = TestCatalog.Options();
        options.MaxJournalEntries = 0;

        var error = await Should.ThrowAsync<ArgumentOutOfRangeException>(() => ActionKitEmulator.StartAsync(options, Ct));

        error.Message.ShouldContain("MaxJournalEntries");
    }
}
