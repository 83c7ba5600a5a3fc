using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator;
using ActionKit.Typed.EndToEnd.Tests.ActionKit;
using ActionKit.Typed.EndToEnd.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.EndToEnd.Tests.Pagination;

/// <summary>A misbehaving server stops the enumeration with a typed error instead of a loop; budgets and cancellation hold.</summary>
public sealed class GuardsTests(EmulatorFixture fixture) : EmulatorFixtureTest(fixture)
{
    [Theory]
    [InlineData(PagingMisbehavior.RepeatCursorForever, PaginationFailure.RepeatedCursor)]
    [InlineData(PagingMisbehavior.SamePageForever, PaginationFailure.RepeatedPage)]
    [InlineData(PagingMisbehavior.EmptyPagesWithCursorForever, PaginationFailure.TooManyEmptyPages)]
    public async Task Each_misbehavior_stops_with_its_documented_error(PagingMisbehavior misbehavior, PaginationFailure expected)
    {
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(50, 5) with { Misbehavior = misbehavior });

        var ex = await Should.ThrowAsync<ActionKitPaginationException>(async () =>
            await Items.IndexesAsync(Fixture.NewClient().Asana().GetProjectsPagedAsync(new(), cancellationToken: Cancellation)));

        ex.Failure.ShouldBe(expected);
        ex.ActionName.ShouldBe("ASANA_GET_PROJECTS");
        ex.RawPage.ShouldNotBeNull();
        Emulator.Journal.Count.ShouldBeLessThan(20);
    }

    [Fact]
    public async Task The_same_page_forever_in_offset_style_is_caught_too()
    {
        Emulator.SetPagedData("ASANA_GET_TASKS", PagedDataSet.Offset(50, 5) with { Misbehavior = PagingMisbehavior.SamePageForever });

        var ex = await Should.ThrowAsync<ActionKitPaginationException>(async () =>
            await Items.IndexesAsync(Fixture.NewClient().Asana().GetTasksPagedAsync(new(), cancellationToken: Cancellation)));

        ex.Failure.ShouldBe(PaginationFailure.RepeatedPage);
    }

    [Fact]
    public async Task Empty_pages_that_still_carry_a_cursor_are_followed_within_the_budget()
    {
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(50, 5) with { Misbehavior = PagingMisbehavior.EmptyPagesWithCursorForever });

        var indexes = await Items.IndexesAsync(Fixture.NewClient().Asana().GetProjectsPagedAsync(new(), new PaginationOptions { MaxPages = 4 }, cancellationToken: Cancellation));

        indexes.ShouldBe(Items.Range(5));
        Emulator.Journal.Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_failure_midway_carries_the_token_to_resume_from()
    {
        // 400 is not retried, so page 3 fails once and for all; after the cause is gone the token resumes there.
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(14, 3) with { FailAtPage = 3, FailureStatus = 400 });
        var client = Fixture.NewClient();
        var seen = new System.Collections.Generic.List<int>();

        var ex = await Should.ThrowAsync<ActionKitPaginationException>(async () =>
        {
            await foreach (var project in client.Asana().GetProjectsPagedAsync(new(), cancellationToken: Cancellation))
            {
                seen.Add(Items.Index(project));
            }
        });

        ex.Failure.ShouldBe(PaginationFailure.PageFailed);
        ex.InnerException.ShouldBeOfType<ActionKitException>().Status.ShouldBe(400);
        seen.ShouldBe(Items.Range(6));

        var rest = await Items.IndexesAsync(client.Asana().GetProjectsPagedAsync(new(), new PaginationOptions { ContinuationToken = ex.ContinuationToken }, cancellationToken: Cancellation));
        seen.Concat(rest).ShouldBe(Items.Range(14));
    }

    [Fact]
    public async Task A_transient_server_error_midway_is_retried_for_a_read()
    {
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(9, 3) with { FailAtPage = 2, FailureStatus = 503 });

        var indexes = await Items.IndexesAsync(Fixture.NewClient().Asana().GetProjectsPagedAsync(new(), cancellationToken: Cancellation));

        indexes.ShouldBe(Items.Range(9));
        Emulator.Journal.Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_page_whose_items_location_holds_no_array_is_a_typed_error_with_the_raw_page()
    {
        Emulator.SetResult("ASANA_GET_PROJECTS", """{"data":{"not":"an array"},"nextPageCursor":null}""");

        var ex = await Should.ThrowAsync<ActionKitPaginationException>(async () =>
            await Items.IndexesAsync(Fixture.NewClient().Asana().GetProjectsPagedAsync(new(), cancellationToken: Cancellation)));

        ex.Failure.ShouldBe(PaginationFailure.InvalidPage);
        ex.RawPage!.ToString().ShouldContain("not");
    }

    [Fact]
    public async Task Budgets_stop_fetching()
    {
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(40, 5));
        var client = Fixture.NewClient();

        (await Items.IndexesAsync(client.Asana().GetProjectsPagedAsync(new(), new PaginationOptions { MaxItems = 7 }, cancellationToken: Cancellation))).ShouldBe(Items.Range(7));
        Emulator.Journal.Count.ShouldBe(2);

        Emulator.Journal.Clear();
        (await Items.IndexesAsync(client.Asana().GetProjectsPagedAsync(new(), new PaginationOptions { MaxPages = 3 }, cancellationToken: Cancellation))).ShouldBe(Items.Range(15));
        Emulator.Journal.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Cancelling_mid_page_stops_promptly()
    {
        Emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(40, 5));
        Emulator.Faults.Enqueue(EmulatorFault.Delay(TimeSpan.FromMinutes(5)), "ASANA_GET_PROJECTS");
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        var enumeration = Task.Run(async () =>
        {
            await foreach (var project in Fixture.NewClient().Asana().GetProjectsPagedAsync(new()).WithCancellation(cancellation.Token))
            {
            }
        }, Cancellation);
        while (Emulator.Journal.Count == 0)
        {
            await Task.Delay(10, Cancellation);
        }

        await cancellation.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(enumeration);
    }
}
