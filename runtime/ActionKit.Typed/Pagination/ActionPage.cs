using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ActionKit.Typed;

/// <summary>One page of a paginated action: its items, the raw result, and where the next page starts.</summary>
public sealed class ActionPage<TItem> : ClientResult
{
    private StrongBox<JsonElement>? _rawResult;

    internal ActionPage(List<TItem> items, ActionContinuationToken? continuationToken, int pageNumber, PipelineResponse response)
        : base(response)
    {
        ItemList = items;
        ContinuationToken = continuationToken;
        PageNumber = pageNumber;
    }

    /// <summary>The page's items.</summary>
    public IReadOnlyList<TItem> Items => ItemList;

    /// <summary>The action's result for this page, as returned; read from the response body when first asked for.</summary>
    public JsonElement RawResult => (_rawResult ??= new StrongBox<JsonElement>(ReadRawResult(GetRawResponse()))).Value;

    /// <summary>Where the next page starts; null after the last page.</summary>
    public ActionContinuationToken? ContinuationToken { get; }

    /// <summary>The 1-based number of this page within the enumeration that produced it.</summary>
    public int PageNumber { get; }

    internal List<TItem> ItemList { get; }

    private static JsonElement ReadRawResult(PipelineResponse response)
    {
        var content = response.Content;
        var reader = new Utf8JsonReader(content.IsEmpty ? "null"u8 : content.ToMemory().Span);
        reader.Read();
        return JsonElement.ParseValue(ref reader);
    }
}
