using System.Threading;

namespace ActionKit.Typed;

/// <summary>Pagination over any <see cref="IActionRunner"/>.</summary>
public static class ActionRunnerPaginationExtensions
{
    /// <summary>
    /// Every item of a paginated action, page by page as it is enumerated. Nothing is sent until enumeration starts;
    /// a bad continuation token in <paramref name="options"/> is refused here, before any request.
    /// </summary>
    /// <exception cref="System.ArgumentException">The continuation token is corrupted, or belongs to another action or other parameters.</exception>
    public static ActionPageable<TItem> PaginateAsync<TItem>(this IActionRunner runner, IPaginatedActionRequest<TItem> request, PaginationOptions? options = null, CancellationToken cancellationToken = default) =>
        new(runner, request, options, cancellationToken);
}
