using System.ClientModel;

namespace ActionKit.Typed;

/// <summary>Budgets, guards and the starting point of one enumeration of a paginated action.</summary>
public sealed class PaginationOptions
{
    /// <summary>Stop after this many pages; null for no limit.</summary>
    public int? MaxPages { get; set; }

    /// <summary>Stop after this many items; null for no limit. No page is fetched once it is reached.</summary>
    public int? MaxItems { get; set; }

    /// <summary>Asks for pages of this size where the action has a limit parameter; a hint the provider may ignore.</summary>
    public int? PageSize { get; set; }

    /// <summary>Resume from a token taken from an earlier page; it must come from the same action and parameters.</summary>
    public ContinuationToken? ContinuationToken { get; set; }

    /// <summary>Stop with <see cref="ActionKitPaginationException"/> on a repeated cursor or a page identical to the previous one. On by default.</summary>
    public bool DetectStalls { get; set; } = true;

    /// <summary>How many empty pages that still carry a cursor are followed in a row before the enumeration counts as stalled.</summary>
    public int MaxConsecutiveEmptyPages { get; set; } = 10;
}
