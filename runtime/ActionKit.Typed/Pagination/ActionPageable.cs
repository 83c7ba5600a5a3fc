using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    public new async IAsyncEnumerator<TItem> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var remaining = _options.MaxItems ?? int.MaxValue;
        if (remaining == 0)
        {
            yield break;
        }

        await foreach (var page in Pages(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
                if (--remaining == 0)
                {
                    yield break;
                }
            }
        }
    }

    // Re-implemented so the item budget holds however the collection is enumerated as IAsyncEnumerable<T>.
    IAsyncEnumerator<TItem> IAsyncEnumerable<TItem>.GetAsyncEnumerator(CancellationToken cancellationToken) => GetAsyncEnumerator(cancellationToken);

    /// <inheritdoc/>
    protected override IAsyncEnumerable<TItem> GetValuesFromPageAsync(ClientResult page) =>
        ((ActionPage<TItem>)page).Items.ToAsyncEnumerable();

    private async IAsyncEnumerable<ActionPage<TItem>> Pages([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellationToken);
        var token = linked.Token;
        var style = _pagination.Style;
        var position = _startPosition;
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        if (position is not null && style == PaginationStyle.Cursor)
        {
            seenCursors.Add(position);
        }

        byte[]? previousPage = null;
        var emptyInARow = 0;
        long delivered = 0;
        for (var pageNumber = 1; _options.MaxPages is not { } max || pageNumber <= max; pageNumber++)
        {
            token.ThrowIfCancellationRequested();
            ClientResult<UntypedActionResult> result;
            try
            {
                result = await _runner.RunAsync(new PagedRequest(_template, position), token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new ActionKitPaginationException(
                    $"Page {pageNumber} of {ActionName} failed: {ex.Message} Resume with the exception's ContinuationToken.",
                    ActionName, PaginationFailure.PageFailed, TokenAt(position), innerException: ex);
            }

            var root = result.Value.Value;
            var raw = JsonMarshal.GetRawUtf8Value(root);
            if (_options.DetectStalls && previousPage is not null && raw.SequenceEqual(previousPage))
            {
                throw Stalled(PaginationFailure.RepeatedPage, $"page {pageNumber} of {ActionName} is identical to the page before it", raw);
            }

            if (PageReader.Items(root, _pagination.ItemsPointer) is not { } itemsElement)
            {
                var where = _pagination.ItemsPointer is { } pointer ? $"'{pointer}'" : "its only top-level array";
                throw new ActionKitPaginationException(
                    $"Page {pageNumber} of {ActionName} has no array of items at {where}.",
                    ActionName, PaginationFailure.InvalidPage, TokenAt(position), new BinaryData(raw.ToArray()));
            }

            var items = ReadItems(itemsElement);
            var next = NextPosition(style, root, position, items.Count);
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

            previousPage = raw.ToArray();
            yield return new ActionPage<TItem>(items, root, TokenAt(next, isEnd: next is null), pageNumber, result.GetRawResponse());
            delivered += items.Count;
            if (next is null || delivered >= (_options.MaxItems ?? long.MaxValue))
            {
                yield break;
            }

            if (_options.DetectStalls && style == PaginationStyle.Cursor && !seenCursors.Add(next))
            {
                throw Stalled(PaginationFailure.RepeatedCursor, $"{ActionName} returned the cursor {next} again", previousPage);
            }

            position = next;
        }
    }

    private IReadOnlyList<TItem> ReadItems(JsonElement array)
    {
        var items = new List<TItem>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(element));
            reader.Read();
            items.Add(_request.ReadItem(ref reader));
        }

        return items;
    }

    /// <summary>
    /// The next page's position, or null at the end. Offset and page-number actions end on an empty page.
    /// Without a start, page numbers are assumed to begin at 1 (0 for <c>pageOffset</c>), offsets at 0.
    /// </summary>
    private string? NextPosition(PaginationStyle style, JsonElement root, string? position, int count)
    {
        switch (style)
        {
            case PaginationStyle.Offset:
                return count == 0 ? null : (Number(position, 0) + count).ToString(CultureInfo.InvariantCulture);
            case PaginationStyle.PageNumber:
                var first = _pagination.PositionParameter == "pageOffset" ? 0 : 1;
                return count == 0 ? null : (Number(position, first) + 1).ToString(CultureInfo.InvariantCulture);
            default:
                return PageReader.NextCursor(root, _pagination.NextCursorPointer);
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

    private ActionKitPaginationException Stalled(PaginationFailure failure, string what, ReadOnlySpan<byte> raw) =>
        new($"Pagination stopped: {what}. Stopping here instead of looping; set PaginationOptions.DetectStalls to false to follow anyway.",
            ActionName, failure, continuationToken: null, new BinaryData(raw.ToArray()));
}
