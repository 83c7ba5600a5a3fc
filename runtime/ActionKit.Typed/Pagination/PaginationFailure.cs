namespace ActionKit.Typed;

/// <summary>Why an enumeration of pages stopped with an error.</summary>
public enum PaginationFailure
{
    /// <summary>A page's next cursor was one already followed; continuing would loop.</summary>
    RepeatedCursor,

    /// <summary>A page was identical to the one before it; continuing would loop.</summary>
    RepeatedPage,

    /// <summary>Too many empty pages in a row still carried a cursor.</summary>
    TooManyEmptyPages,

    /// <summary>A page's items location held no array.</summary>
    InvalidPage,

    /// <summary>Fetching a page failed; <see cref="System.Exception.InnerException"/> says why.</summary>
    PageFailed,
}
