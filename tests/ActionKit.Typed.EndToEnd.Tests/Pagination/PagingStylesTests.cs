using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator;
using ActionKit.Typed.EndToEnd.Tests.ActionKit;
using ActionKit.Typed.EndToEnd.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.EndToEnd.Tests.Pagination;

/// <summary>Every style and every end-of-list marker yields exactly the seeded items, over the emulator.</summary>
public sealed class PagingStylesTests(EmulatorFixture fixture) : EmulatorFixtureTest(fixture)
{
    [Theory]
    [InlineData(EmulatorEndOfList.Null)]
    [InlineData(EmulatorEndOfList.False)]
    [InlineData(EmulatorEndOfList.EmptyString)]
    [InlineData(EmulatorEndOfList.Absent)]
    public async Task Cursor_style_ends_on_every_marker(EmulatorEndOfList end)
    {
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(23, 5, end));
        var client = Fixture.NewClient();

        var names = await Items.IndexesAsync(client.Asana().GetProjectsPagedAsync(new() { Workspace = "w1" }, cancellationToken: Cancellation));

        names.ShouldBe(Items.Range(23));
        Emulator.Journal.Count.ShouldBe(5);
    }

    [Fact]
    public async Task Cursor_items_are_typed_from_the_annotation()
    {
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(3, 2));
        var projects = await Fixture.NewClient().Asana().GetProjectsPagedAsync(new(), cancellationToken: Cancellation).ToListAsync(Cancellation);

        projects.Select(p => p.Name).ShouldBe(["Item 1", "Item 2", "Item 3"]);
        projects.Select(p => p.Gid).ShouldBe(["1", "2", "3"]);
    }

    [Fact]
    public async Task Cursor_in_a_nested_location_and_another_spelling()
    {
        // HubSpot keeps its cursor at /paging/next/after and names the request field pageCursor; Drive uses pageToken.
        Emulator.SetPagedData("HUBSPOT_GET_RECORDS_ANY", PagedDataSet.Cursor(11, 4, EmulatorEndOfList.Absent));
        Emulator.SetPagedData("GOOGLE_DRIVE_LIST_FILES", PagedDataSet.Cursor(7, 3));
        var client = Fixture.NewClient();

        (await Items.IndexesAsync(client.Hubspot().GetRecordsAnyPagedAsync(new() { RecordType = "deals" }, cancellationToken: Cancellation))).ShouldBe(Items.Range(11));
        (await Items.IndexesAsync(client.GoogleDrive().ListFilesPagedAsync(new() { IncludeFolders = true }, cancellationToken: Cancellation))).ShouldBe(Items.Range(7));

        var driveRequests = Emulator.Journal.Where(r => r.BodyText.Contains("GOOGLE_DRIVE_LIST_FILES")).ToList();
        driveRequests.Count.ShouldBe(3);
        PageParameter(driveRequests[1].BodyText, "pageToken").ShouldBe("cursor-3");
    }

    [Fact]
    public async Task Offset_style_counts_items_and_ends_on_an_empty_page()
    {
        Emulator.SetPagedData("ASANA_GET_TASKS", PagedDataSet.Offset(12, 5));
        var client = Fixture.NewClient();

        var indexes = await Items.IndexesAsync(client.Asana().GetTasksPagedAsync(new() { ProjectId = "p1" }, cancellationToken: Cancellation));

        indexes.ShouldBe(Items.Range(12));
        var offsets = Emulator.Journal.Select(r => PageParameter(r.BodyText, "offset")).ToList();
        offsets.ShouldBe([null, "5", "10", "12"]);
    }

    [Fact]
    public async Task Page_number_style_adds_one_and_ends_on_an_empty_page()
    {
        Emulator.SetPagedData("SLACK_SEARCH_MESSAGES", PagedDataSet.PageNumber(9, 4));
        var client = Fixture.NewClient();

        var indexes = await Items.IndexesAsync(client.Slack().SearchMessagesPagedAsync(new() { Query = "deploy" }, cancellationToken: Cancellation));

        indexes.ShouldBe(Items.Range(9));
        Emulator.Journal.Select(r => PageParameter(r.BodyText, "page")).ShouldBe([null, "2", "3", "4"]);
    }

    [Fact]
    public async Task Without_annotations_the_items_and_cursor_are_inferred()
    {
        Emulator.SetPagedData("TESTKIT_LIST_THINGS", PagedDataSet.Cursor(8, 3, EmulatorEndOfList.EmptyString));
        var things = Fixture.NewClient().Testkit().ListThingsPagedAsync(new() { Folder = "inbox" }, cancellationToken: Cancellation);

        (await Items.IndexesAsync(things)).ShouldBe(Items.Range(8));
    }

    [Fact]
    public async Task Inference_looks_inside_an_output_envelope()
    {
        Emulator.SetPagedData("TESTKIT_LIST_THINGS", PagedDataSet.Cursor(5, 2) with { ItemsPointer = "/output/records", NextCursorPointer = "/output/nextPageCursor" });

        (await Items.IndexesAsync(Fixture.NewClient().Testkit().ListThingsPagedAsync(new(), cancellationToken: Cancellation))).ShouldBe(Items.Range(5));
    }

    [Fact]
    public async Task Page_number_without_annotation_uses_the_schema_parameter()
    {
        Emulator.SetPagedData("TESTKIT_SEARCH_THINGS", PagedDataSet.PageNumber(7, 3) with { PositionParameter = "pageNumber" });

        (await Items.IndexesAsync(Fixture.NewClient().Testkit().SearchThingsPagedAsync(new() { Query = "x" }, cancellationToken: Cancellation))).ShouldBe(Items.Range(7));
        Emulator.Journal.Select(r => PageParameter(r.BodyText, "pageNumber")).ShouldBe([null, "2", "3", "4"]);
    }

    [Fact]
    public async Task Every_page_keeps_the_callers_other_parameters_and_sends_the_size_hint()
    {
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(6, 5));
        var pages = Fixture.NewClient().Asana().GetProjectsPagedAsync(new() { Workspace = "w9", Archived = "false" }, new PaginationOptions { PageSize = 2 }, cancellationToken: Cancellation);

        (await Items.IndexesAsync(pages)).ShouldBe(Items.Range(6));
        foreach (var request in Emulator.Journal)
        {
            using var body = JsonDocument.Parse(request.BodyText);
            var parameters = body.RootElement.GetProperty("parameters");
            parameters.GetProperty("workspace").GetString().ShouldBe("w9");
            parameters.GetProperty("archived").GetString().ShouldBe("false");
            parameters.GetProperty("paginationParameters").GetProperty("limit").GetInt32().ShouldBe(2);
        }

        Emulator.Journal.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Pages_carry_items_raw_results_and_the_token_of_the_next_page()
    {
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(5, 2));
        var pages = await Fixture.NewClient().Asana().GetProjectsPagedAsync(new(), cancellationToken: Cancellation).AsPages(Cancellation).ToListAsync(Cancellation);

        pages.Select(p => p.Items.Count).ShouldBe([2, 2, 1]);
        pages.Select(p => p.PageNumber).ShouldBe([1, 2, 3]);
        pages[0].RawResult.GetProperty("nextPageCursor").GetString().ShouldBe("cursor-2");
        pages[0].ContinuationToken.ShouldNotBeNull().PositionJson.ShouldBe("\"cursor-2\"");
        pages[^1].ContinuationToken.ShouldBeNull();
        pages[0].GetRawResponse().Status.ShouldBe(200);
    }

    private static string? PageParameter(string body, string name)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("parameters").TryGetProperty("paginationParameters", out var page) && page.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
    }
}
