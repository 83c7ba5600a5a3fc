using System;
using System.ClientModel;
using System.Linq;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator;
using ActionKit.Typed.EndToEnd.Tests.ActionKit;
using ActionKit.Typed.EndToEnd.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.EndToEnd.Tests.Pagination;

/// <summary>Continuation tokens resume exactly where they point, from any client, and refuse what they do not fit.</summary>
public sealed class ContinuationTests(EmulatorFixture fixture) : EmulatorFixtureTest(fixture)
{
    [Theory]
    [InlineData(PagingStyle.Cursor)]
    [InlineData(PagingStyle.Offset)]
    public async Task A_token_taken_midway_resumes_from_a_fresh_client_with_no_gap_and_no_duplicate(PagingStyle style)
    {
        var action = style == PagingStyle.Cursor ? "ASANA_GET_PROJECTS" : "ASANA_GET_TASKS";
        Emulator.SetPagedData(action, style == PagingStyle.Cursor ? PagedDataSet.Cursor(17, 4) : PagedDataSet.Offset(17, 4));

        var first = style == PagingStyle.Cursor
            ? await Collect(Fixture.NewClient().Asana().GetProjectsPagedAsync(new() { Workspace = "w" }, cancellationToken: Cancellation).AsPages(Cancellation), 2)
            : await Collect(Fixture.NewClient().Asana().GetTasksPagedAsync(new() { ProjectId = "p" }, cancellationToken: Cancellation).AsPages(Cancellation), 2);
        var token = first.Token.ShouldNotBeNull().ToString();

        // Another process: only the string survives.
        var resumed = ActionContinuationToken.Parse(token);
        var options = new PaginationOptions { ContinuationToken = ContinuationToken.FromBytes(resumed.ToBytes()) };
        var rest = style == PagingStyle.Cursor
            ? await Items.IndexesAsync(Fixture.NewClient().Asana().GetProjectsPagedAsync(new() { Workspace = "w" }, options, cancellationToken: Cancellation))
            : await Items.IndexesAsync(Fixture.NewClient().Asana().GetTasksPagedAsync(new() { ProjectId = "p" }, options, cancellationToken: Cancellation));

        first.Indexes.Concat(rest).ShouldBe(Items.Range(17));
    }

    [Fact]
    public async Task A_token_of_another_action_is_refused_before_anything_is_sent()
    {
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(10, 3));
        var page = await FirstPage(Fixture.NewClient().Asana().GetProjectsPagedAsync(new(), cancellationToken: Cancellation));
        Emulator.Journal.Clear();

        var ex = Should.Throw<ArgumentException>(() =>
            Fixture.NewClient().Asana().GetWorkspacesPagedAsync(new(), new PaginationOptions { ContinuationToken = page.ContinuationToken }, cancellationToken: Cancellation));

        ex.Message.ShouldContain("ASANA_GET_PROJECTS");
        Emulator.Journal.Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_token_with_altered_parameters_is_refused()
    {
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(10, 3));
        var page = await FirstPage(Fixture.NewClient().Asana().GetProjectsPagedAsync(new() { Workspace = "a" }, cancellationToken: Cancellation));

        var ex = Should.Throw<ArgumentException>(() =>
            Fixture.NewClient().Asana().GetProjectsPagedAsync(new() { Workspace = "b" }, new PaginationOptions { ContinuationToken = page.ContinuationToken }, cancellationToken: Cancellation));

        ex.Message.ShouldContain("other parameters");
    }

    [Fact]
    public async Task The_page_size_hint_may_change_between_runs()
    {
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(10, 3));
        var page = await FirstPage(Fixture.NewClient().Asana().GetProjectsPagedAsync(new() { Workspace = "a" }, new PaginationOptions { PageSize = 3 }, cancellationToken: Cancellation));

        var rest = await Items.IndexesAsync(Fixture.NewClient().Asana().GetProjectsPagedAsync(
            new() { Workspace = "a" }, new PaginationOptions { PageSize = 4, ContinuationToken = page.ContinuationToken }, cancellationToken: Cancellation));

        rest.ShouldBe(Enumerable.Range(4, 7).ToList());
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("eyJ2IjoxfQ")]
    [InlineData("")]
    public void A_corrupted_token_is_a_clear_error(string text)
    {
        var ex = Should.Throw<ArgumentException>(() => ActionContinuationToken.Parse(text));
        ex.Message.ShouldContain("corrupted");
    }

    [Fact]
    public void Corrupted_bytes_are_refused_before_anything_is_sent()
    {
        Emulator.Journal.Clear();
        var garbage = ContinuationToken.FromBytes(BinaryData.FromString("{\"v\":1}"));

        Should.Throw<ArgumentException>(() =>
            Fixture.NewClient().Asana().GetProjectsPagedAsync(new(), new PaginationOptions { ContinuationToken = garbage }, cancellationToken: Cancellation));
        Emulator.Journal.Count.ShouldBe(0);
    }

    [Fact]
    public async Task The_last_page_has_no_token()
    {
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(2, 5));
        var page = await FirstPage(Fixture.NewClient().Asana().GetProjectsPagedAsync(new(), cancellationToken: Cancellation));

        page.ContinuationToken.ShouldBeNull();
    }

    private static async Task<ActionPage<T>> FirstPage<T>(ActionPageable<T> pageable)
    {
        await foreach (var page in pageable.AsPages())
        {
            return page;
        }

        throw new InvalidOperationException("No page.");
    }

    private static async Task<(System.Collections.Generic.List<int> Indexes, ActionContinuationToken? Token)> Collect<T>(System.Collections.Generic.IAsyncEnumerable<ActionPage<T>> pages, int count)
    {
        var indexes = new System.Collections.Generic.List<int>();
        ActionContinuationToken? token = null;
        await foreach (var page in pages)
        {
            indexes.AddRange(page.Items.Select(Items.Index));
            token = page.ContinuationToken;
            if (--count == 0)
            {
                break;
            }
        }

        return (indexes, token);
    }
}
