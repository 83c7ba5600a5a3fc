using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Text.Json;

namespace ActionKit.Typed;

/// <summary>One page of a paginated action: its items, the raw result, and where the next page starts.</summary>
public sealed class ActionPage<TItem> : ClientResult
{
    internal ActionPage(IReadOnlyList<TItem> items, JsonElement rawResult, ActionContinuationToken? continuationToken, int pageNumber, PipelineResponse response)
        : base(response)
    {
        Items = items;
        RawResult = rawResult;
        ContinuationToken = continuationToken;
        PageNumber = pageNumber;
    }

    /// <summary>The page's items.</summary>
    public IReadOnlyList<TItem> Items { get; }

    /// <summary>The action's result for this page, as returned.</summary>
    public JsonElement RawResult { get; }

    /// <summary>Where the next page starts; null after the last page.</summary>
    public ActionContinuationToken? ContinuationToken { get; }

    /// <summary>The 1-based number of this page within the enumeration that produced it.</summary>
    public int PageNumber { get; }
}
