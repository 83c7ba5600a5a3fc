namespace ActionKit.Typed;

/// <summary>Where a paginated action takes its page position and where its result keeps items and the next cursor.</summary>
/// <param name="Style">How pages advance.</param>
/// <param name="PositionParameter">The wire name inside <c>paginationParameters</c> that carries the position (for example <c>pageCursor</c>).</param>
/// <param name="LimitParameter">The wire name inside <c>paginationParameters</c> of the page-size hint, when the action has one.</param>
/// <param name="ItemsPointer">A JSON pointer to the items array in a result, or null to infer it.</param>
/// <param name="NextCursorPointer">A JSON pointer to the next cursor in a result, or null to infer it.</param>
public sealed record ActionPagination(
    PaginationStyle Style,
    string PositionParameter,
    string? LimitParameter = null,
    string? ItemsPointer = null,
    string? NextCursorPointer = null)
{
    /// <summary>The request property that holds the pagination object.</summary>
    public const string ParametersProperty = "paginationParameters";
}
