using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed;

/// <summary>
/// Every item of a paginated action, fetched page by page as it is enumerated: <c>await foreach</c> over items, or
/// <see cref="AsPages"/> over pages with their continuation tokens. Cursor, offset and page-number actions all look
/// the same; each page is one run through the client, so retries and errors behave as for any read.
/// </summary>
public sealed class ActionPageable<TItem> : AsyncCollectionResult<TItem>, IAsyncEnumerable<TItem>
{
    private readonly IActionRunner _runner;
    private readonly IPaginatedActionRequest<TItem> _request;
    private readonly ActionPagination _pagination;
    private readonly PaginationOptions _options;
    private readonly PageRequestTemplate _template;
    private readonly PagedDescriptor<TItem> _descriptor;
    private readonly string? _startPosition;
    private readonly CancellationToken _cancellationToken;

    internal ActionPageable(IActionRunner runner, IPaginatedActionRequest<TItem> request, PaginationOptions? options, CancellationToken cancellationToken)
    {
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _pagination = request.Descriptor.Pagination
            ?? throw new ArgumentException($"{request.Descriptor.Name} is not a paginated action.", nameof(request));
        _options = options ?? new PaginationOptions();
        if (_options.MaxPages < 0 || _options.MaxItems < 0 || _options.PageSize <= 0 || _options.MaxConsecutiveEmptyPages < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxPages, MaxItems and MaxConsecutiveEmptyPages cannot be negative; PageSize must be positive.");
        }

        _template = new PageRequestTemplate(request, _pagination, _options.PageSize);
        _descriptor = new PagedDescriptor<TItem>(request.Descriptor, _pagination, new PageReader<TItem>(request, _pagination));
        _startPosition = _template.InitialPositionJson;
        _cancellationToken = cancellationToken;
        if (_options.ContinuationToken is { } token)
        {
            var resume = ActionContinuationToken.FromToken(token, nameof(options));
            if (!string.Equals(resume.ActionName, ActionName, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The continuation token belongs to {resume.ActionName}, not {ActionName}.", nameof(options));
            }

            if (!string.Equals(resume.ParametersHash, _template.ParametersHash, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The continuation token was made for {ActionName} with other parameters; resume with the same request.", nameof(options));
            }

            _startPosition = resume.PositionJson;
        }
    }

    private string ActionName => _request.Descriptor.Name;

    /// <summary>The pages, each with its items, raw result and the token of the page after it.</summary>
    public IAsyncEnumerable<ActionPage<TItem>> AsPages(CancellationToken cancellationToken = default) => Pages(cancellationToken);

    /// <inheritdoc/>
    public override IAsyncEnumerable<ClientResult> GetRawPagesAsync() => Pages(default);

    /// <inheritdoc/>
    public override ContinuationToken? GetContinuationToken(ClientResult page) =>
        page is ActionPage<TItem> actionPage ? actionPage.ContinuationToken : throw new ArgumentException("The page did not come from this collection.", nameof(page));

    /// <summary>Enumerates items, stopping exactly at <see cref="PaginationOptions.MaxItems"/>.</summary>
    public new IAsyncEnumerator<TItem> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new ItemEnumerator(this, _options.MaxItems ?? int.MaxValue, cancellationToken);

    // Re-implemented so the item budget holds however the collection is enumerated as IAsyncEnumerable<T>.
    IAsyncEnumerator<TItem> IAsyncEnumerable<TItem>.GetAsyncEnumerator(CancellationToken cancellationToken) => GetAsyncEnumerator(cancellationToken);

    /// <inheritdoc/>
    protected override IAsyncEnumerable<TItem> GetValuesFromPageAsync(ClientResult page) =>
        ((ActionPage<TItem>)page).Items.ToAsyncEnumerable();

    private async IAsyncEnumerable<ActionPage<TItem>> Pages([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Linked only when both tokens can cancel: a cancellable token costs every page's request a registration.
        using var linked = cancellationToken.CanBeCanceled && _cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellationToken)
            : null;
        var token = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _cancellationToken);
        var style = _pagination.Style;
        var position = _startPosition;
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        if (position is not null && style == PaginationStyle.Cursor)
        {
            seenCursors.Add(position);
        }

        // The previous page's body, kept by reference: response bodies are not reused, so it stays as received.
        ReadOnlyMemory<byte>? previousPage = null;
        var emptyInARow = 0;
        long delivered = 0;
        for (var pageNumber = 1; _options.MaxPages is not { } max || pageNumber <= max; pageNumber++)
        {
            token.ThrowIfCancellationRequested();
            ClientResult<PageContent<TItem>> result;
            try
            {
                result = await _runner.RunAsync(new PagedRequest<TItem>(_descriptor, _template, position), token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new ActionKitPaginationException(
                    $"Page {pageNumber} of {ActionName} failed: {ex.Message} Resume with the exception's ContinuationToken.",
                    ActionName, PaginationFailure.PageFailed, TokenAt(position), innerException: ex);
            }

            var response = result.GetRawResponse();
            var raw = response.Content.ToMemory();
            var content = result.Value;
            if (_options.DetectStalls && previousPage is { } previous && !raw.IsEmpty && raw.Span.SequenceEqual(previous.Span))
            {
                throw Stalled(PaginationFailure.RepeatedPage, $"page {pageNumber} of {ActionName} is identical to the page before it", raw);
            }

            if (content.ItemError is { } itemError)
            {
                throw new ActionKitPaginationException(
                    $"Page {pageNumber} of {ActionName} has an item that does not read as {typeof(TItem).Name}: {itemError.Message}",
                    ActionName, PaginationFailure.PageFailed, TokenAt(position), new BinaryData(raw), itemError);
            }

            if (content.Items is not { } items)
            {
                var where = _pagination.ItemsPointer is { } pointer ? $"'{pointer}'" : "its only top-level array";
                throw new ActionKitPaginationException(
                    $"Page {pageNumber} of {ActionName} has no array of items at {where}.",
                    ActionName, PaginationFailure.InvalidPage, TokenAt(position), new BinaryData(raw));
            }

            var next = NextPosition(style, content.NextCursor, position, items.Count);
            if (next is not null && items.Count == 0)
            {
                // Providers can return empty pages mid-list (filtered results); follow them, but not forever.
                if (++emptyInARow > _options.MaxConsecutiveEmptyPages)
                {
                    throw Stalled(PaginationFailure.TooManyEmptyPages, $"{ActionName} returned more than {_options.MaxConsecutiveEmptyPages} empty pages in a row that still had a next page", raw);
                }
            }
            else
            {
                emptyInARow = 0;
            }

            previousPage = raw;
            yield return new ActionPage<TItem>(items, TokenAt(next, isEnd: next is null), pageNumber, response);
            delivered += items.Count;
            if (next is null || delivered >= (_options.MaxItems ?? long.MaxValue))
            {
                yield break;
            }

            if (_options.DetectStalls && style == PaginationStyle.Cursor && !seenCursors.Add(next))
            {
                throw Stalled(PaginationFailure.RepeatedCursor, $"{ActionName} returned the cursor {next} again", raw);
            }

            position = next;
        }
    }

    /// <summary>
    /// The next page's position, or null at the end. Offset and page-number actions end on an empty page.
    /// Without a start, page numbers are assumed to begin at 1 (0 for <c>pageOffset</c>), offsets at 0.
    /// </summary>
    private string? NextPosition(PaginationStyle style, string? cursor, string? position, int count)
    {
        switch (style)
        {
            case PaginationStyle.Offset:
                return count == 0 ? null : (Number(position, 0) + count).ToString(CultureInfo.InvariantCulture);
            case PaginationStyle.PageNumber:
                var first = _pagination.PositionParameter == "pageOffset" ? 0 : 1;
                return count == 0 ? null : (Number(position, first) + 1).ToString(CultureInfo.InvariantCulture);
            default:
                return cursor;
        }
    }

    private static long Number(string? positionJson, long fallback)
    {
        if (positionJson is null)
        {
            return fallback;
        }

        var text = positionJson.Trim('"');
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private ActionContinuationToken? TokenAt(string? position, bool isEnd = false) =>
        isEnd ? null : new ActionContinuationToken(ActionName, _template.ParametersHash, position);

    private ActionKitPaginationException Stalled(PaginationFailure failure, string what, ReadOnlyMemory<byte> raw) =>
        new($"Pagination stopped: {what}. Stopping here instead of looping; set PaginationOptions.DetectStalls to false to follow anyway.",
            ActionName, failure, continuationToken: null, new BinaryData(raw));

    /// <summary>
    /// Hands out a page's items one by one without a state-machine step each: only moving to the next page awaits.
    /// </summary>
    private sealed class ItemEnumerator(ActionPageable<TItem> pageable, int maxItems, CancellationToken cancellationToken) : IAsyncEnumerator<TItem>
    {
        private IAsyncEnumerator<ActionPage<TItem>>? _pages;
        private List<TItem>? _items;
        private int _index;
        private int _remaining = maxItems;

        public TItem Current { get; private set; } = default!;

        public ValueTask<bool> MoveNextAsync()
        {
            if (_remaining <= 0)
            {
                return new ValueTask<bool>(false);
            }

            if (_items is { } items && ++_index < items.Count)
            {
                Current = items[_index];
                _remaining--;
                return new ValueTask<bool>(true);
            }

            return NextPageAsync();
        }

        public ValueTask DisposeAsync() => _pages?.DisposeAsync() ?? default;

        private async ValueTask<bool> NextPageAsync()
        {
            _pages ??= pageable.Pages(cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (await _pages.MoveNextAsync().ConfigureAwait(false))
            {
                var items = _pages.Current.ItemList;
                if (items.Count > 0)
                {
                    _items = items;
                    _index = 0;
                    Current = items[0];
                    _remaining--;
                    return true;
                }
            }

            _items = null;
            _remaining = 0;
            return false;
        }
    }
}
