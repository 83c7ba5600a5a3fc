using System;

namespace ActionKit.Typed.Emulator;

/// <summary>How a paged data set advances: the three styles ActionKit actions use inside <c>paginationParameters</c>.</summary>
public enum PagingStyle
{
    /// <summary>An opaque cursor from the previous page.</summary>
    Cursor,

    /// <summary>A count of records to skip.</summary>
    Offset,

    /// <summary>A page number, from 1.</summary>
    PageNumber,
}

/// <summary>Ways a server can misbehave while paging; each should stop a client instead of looping.</summary>
public enum PagingMisbehavior
{
    /// <summary>Pages as configured.</summary>
    None,

    /// <summary>From the second page on, every page returns the same next cursor.</summary>
    RepeatCursorForever,

    /// <summary>Every request gets the first page, whatever its position.</summary>
    SamePageForever,

    /// <summary>After the first page, every page is empty but still has a new next cursor.</summary>
    EmptyPagesWithCursorForever,
}

/// <summary>
/// Seeded items served page by page for one action: <c>emulator.SetPagedData("ASANA_GET_PROJECTS", PagedDataSet.Cursor(95, 10))</c>.
/// Item <c>n</c> (from 1) is <c>{"id":"item-n","gid":"n","name":"Item n","index":n}</c>. Items and the next cursor are
/// placed at the action's annotated pointers unless given here.
/// </summary>
public sealed record PagedDataSet
{
    private PagedDataSet(PagingStyle style, int itemCount, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        Style = style;
        ItemCount = itemCount;
        PageSize = pageSize;
    }

    /// <summary>Pages that follow a cursor.</summary>
    public static PagedDataSet Cursor(int itemCount, int pageSize, EmulatorEndOfList end = EmulatorEndOfList.Null) =>
        new(PagingStyle.Cursor, itemCount, pageSize) { EndMarker = end };

    /// <summary>Pages addressed by an offset; the end is an empty page.</summary>
    public static PagedDataSet Offset(int itemCount, int pageSize) => new(PagingStyle.Offset, itemCount, pageSize);

    /// <summary>Pages addressed by a page number from 1; the end is an empty page.</summary>
    public static PagedDataSet PageNumber(int itemCount, int pageSize) => new(PagingStyle.PageNumber, itemCount, pageSize);

    /// <summary>How pages advance.</summary>
    public PagingStyle Style { get; }

    /// <summary>How many items the data set holds.</summary>
    public int ItemCount { get; }

    /// <summary>Items per page, unless a request's limit parameter asks for another size.</summary>
    public int PageSize { get; }

    /// <summary>How a cursor-style last page ends.</summary>
    public EmulatorEndOfList EndMarker { get; init; } = EmulatorEndOfList.Null;

    /// <summary>A misbehavior to test clients against.</summary>
    public PagingMisbehavior Misbehavior { get; init; }

    /// <summary>The parameter inside <c>paginationParameters</c> that carries the position; default from the annotation or the style.</summary>
    public string? PositionParameter { get; init; }

    /// <summary>The page-size parameter inside <c>paginationParameters</c>; default from the annotation, else <c>limit</c>.</summary>
    public string? LimitParameter { get; init; }

    /// <summary>A JSON pointer where pages keep items; default from the annotation, else <c>/data</c>.</summary>
    public string? ItemsPointer { get; init; }

    /// <summary>A JSON pointer where pages keep the next cursor; default from the annotation, else <c>/nextPageCursor</c>.</summary>
    public string? NextCursorPointer { get; init; }

    /// <summary>Makes the request for this 1-based page fail with <see cref="FailureStatus"/> this many times before it succeeds.</summary>
    public int? FailAtPage { get; init; }

    /// <summary>How many times <see cref="FailAtPage"/> fails.</summary>
    public int FailureCount { get; init; } = 1;

    /// <summary>The status of an injected failure; 500 by default.</summary>
    public int FailureStatus { get; init; } = 500;
}
