using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator;
using ActionKit.Typed.EndToEnd.Tests.ActionKit;
using ActionKit.Typed.EndToEnd.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.EndToEnd.Tests.Pagination;

/// <summary>A page is read once from its body: items and cursor wherever the rules find them, bad items reported.</summary>
public sealed class PageReadingTests(EmulatorFixture fixture) : EmulatorFixtureTest(fixture)
{
    [Theory]
    [InlineData("""[{"id":1},{"id":2}]""", 2, null)]
    [InlineData("""{"things":[{"id":1}],"nextPageCursor":"c1"}""", 1, "\"c1\"")]
    [InlineData("""{"nextPageToken":"t","count":3,"nextPageCursor":"c1","things":[{"id":1},{"id":2},{"id":3}]}""", 3, "\"c1\"")]
    [InlineData("""{"nextCursor":7,"meta":{"tags":"x"},"things":[]}""", 0, "7")]
    [InlineData("""{"nextCursor":null,"output":{"nextPageCursor":"o"},"things":[{"id":1}]}""", 1, null)]
    [InlineData("""{"a":[1],"b":[2],"output":{"records":[{"id":1},{"id":2}],"next_cursor":"o\u00e9"}}""", 2, "\"o\\u00e9\"")]
    [InlineData("""{"total":1,"output":[{"id":1}],"nextPageCursor":""}""", 1, null)]
    [InlineData("""{"output":{"records":[{"id":1}],"nextPageToken":false},"nextPageToken":"top"}""", 1, "\"top\"")]
    public async Task Without_annotations_items_and_cursor_are_found_in_one_pass(string result, int items, string? next)
    {
        Emulator.SetResult("TESTKIT_LIST_THINGS", result);

        var page = await Fixture.NewClient().Testkit().ListThingsPagedAsync(new(), new PaginationOptions { MaxPages = 1 }, TestContext.Current.CancellationToken).AsPages(TestContext.Current.CancellationToken).FirstAsync(TestContext.Current.CancellationToken);

        page.Items.Count.ShouldBe(items);
        page.ContinuationToken?.PositionJson.ShouldBe(next);
        JsonElement.DeepEquals(page.RawResult, JsonDocument.Parse(result).RootElement).ShouldBeTrue();
    }

    [Fact]
    public async Task Two_top_level_arrays_and_no_output_are_an_invalid_page()
    {
        Emulator.SetResult("TESTKIT_LIST_THINGS", """{"a":[1],"b":[2]}""");

        var ex = await Should.ThrowAsync<ActionKitPaginationException>(async () =>
            await Fixture.NewClient().Testkit().ListThingsPagedAsync(new()).ToListAsync());

        ex.Failure.ShouldBe(PaginationFailure.InvalidPage);
        ex.RawPage!.ToString().ShouldBe("""{"a":[1],"b":[2]}""");
    }

    [Fact]
    public async Task An_item_that_does_not_read_stops_with_the_raw_page_and_a_token_to_retry_it()
    {
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(6, 3));
        var client = Fixture.NewClient();
        var first = await client.Asana().GetProjectsPagedAsync(new(), cancellationToken: TestContext.Current.CancellationToken).AsPages(TestContext.Current.CancellationToken).FirstAsync(TestContext.Current.CancellationToken);
        Emulator.Reset();
        Emulator.SetResult("ASANA_GET_PROJECTS", """{"data":[{"gid":"4"},"not a project",{"gid":"6"}],"nextPageCursor":null}""");

        var ex = await Should.ThrowAsync<ActionKitPaginationException>(async () =>
            await client.Asana().GetProjectsPagedAsync(new(), new PaginationOptions { ContinuationToken = first.ContinuationToken }).ToListAsync());

        ex.Failure.ShouldBe(PaginationFailure.PageFailed);
        ex.InnerException.ShouldBeAssignableTo<JsonException>();
        ex.RawPage!.ToString().ShouldContain("not a project");
        ex.ContinuationToken.ShouldNotBeNull().ToString().ShouldBe(first.ContinuationToken!.ToString());

        Emulator.Reset();
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(6, 3));
        var rest = await Items.IndexesAsync(client.Asana().GetProjectsPagedAsync(new(), new PaginationOptions { ContinuationToken = ex.ContinuationToken }, TestContext.Current.CancellationToken));
        rest.ShouldBe([4, 5, 6]);
    }

    [Fact]
    public async Task Items_budget_stops_inside_a_page_and_fetches_nothing_more()
    {
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(20, 10));

        var enumerator = Fixture.NewClient().Asana().GetProjectsPagedAsync(new(), new PaginationOptions { MaxItems = 12 }, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var seen = 0;
        while (await enumerator.MoveNextAsync())
        {
            seen++;
        }

        (await enumerator.MoveNextAsync()).ShouldBeFalse();
        await enumerator.DisposeAsync();
        seen.ShouldBe(12);
        Emulator.Journal.Count.ShouldBe(2);
    }
}
