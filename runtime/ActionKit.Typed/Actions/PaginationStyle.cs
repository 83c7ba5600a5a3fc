namespace ActionKit.Typed;

/// <summary>How a paginated action moves from one page to the next, inside <c>parameters.paginationParameters</c>.</summary>
public enum PaginationStyle
{
    /// <summary>The action is not paginated.</summary>
    None = 0,

    /// <summary>An opaque cursor from the previous result (<c>pageCursor</c>, <c>pageToken</c>).</summary>
    Cursor = 1,

    /// <summary>A count of records to skip (<c>offset</c>, <c>skip</c>).</summary>
    Offset = 2,

    /// <summary>A page number (<c>page</c>, <c>pageNo</c>, <c>pageNumber</c>, <c>pageOffset</c>).</summary>
    PageNumber = 3,
}
