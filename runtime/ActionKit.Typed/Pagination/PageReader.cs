using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using ActionKit.Typed.Serialization;

namespace ActionKit.Typed;

/// <summary>One page as read from its body: the typed items (or why there are none) and the next cursor.</summary>
internal sealed class PageContent<TItem>
{
    /// <summary>The page's items; null when the items location holds no array or an item did not read.</summary>
    public List<TItem>? Items { get; set; }

    /// <summary>The next cursor as raw JSON, or null at the end.</summary>
    public string? NextCursor { get; set; }

    /// <summary>Why an item did not read; the rest of the page was not read.</summary>
    public Exception? ItemError { get; set; }
}

/// <summary>
/// Reads a page in one pass over the response body: the items straight into typed values, and the next cursor,
/// skipping everything else. Where ActionKit keeps them is not documented per action, so annotations may give JSON
/// pointers; otherwise the cursor is looked up at the result's top level (or inside <c>output</c>) and the items are
/// the result itself when it is an array, else its single top-level array property (or the single array inside
/// <c>output</c>).
/// </summary>
internal sealed class PageReader<TItem>
{
    // Spellings ActionKit and the providers it wraps use for the next cursor, in order of preference.
    private static readonly byte[][] CursorNames =
        [.. new[] { "nextPageCursor", "nextPageToken", "nextCursor", "next_cursor", "next_page_token" }.Select(Encoding.UTF8.GetBytes)];

    private readonly IPaginatedActionRequest<TItem> _request;
    private readonly Segment[]? _items;
    private readonly Segment[]? _cursor;
    private int _capacity = 16;

    public PageReader(IPaginatedActionRequest<TItem> request, ActionPagination pagination)
    {
        _request = request;
        _items = Parse(pagination.ItemsPointer);
        _cursor = Parse(pagination.NextCursorPointer);
    }

    /// <summary>Reads the page from the reader's current value (the result's first token).</summary>
    public PageContent<TItem> Read(ref Utf8JsonReader reader)
    {
        var page = new PageContent<TItem>();
        var found = new Found();
        var root = new Defaults();
        var output = new Defaults();
        if (_items is null && reader.TokenType == JsonTokenType.StartArray)
        {
            // The result itself is the list; a cursor is not looked for inside it.
            page.Items = ReadItems(ref reader, out var error);
            page.ItemError = error;
            return page;
        }

        Visit(ref reader, 0, _items is not null, _cursor is not null, root, output, ref found);
        (page.Items, page.ItemError) = _items is not null ? (found.Items, found.Error)
            : root.Arrays == 1 ? (root.Items, root.Error)
            : output.Arrays == 1 ? (output.Items, output.Error)
            : (null, null);
        page.NextCursor = _cursor is not null ? found.Cursor
            : root.CursorRank < CursorNames.Length ? root.Cursor
            : output.CursorRank < CursorNames.Length ? output.Cursor
            : null;
        return page;
    }

    // Walks the value the reader is on. items/cursor: the pointer of that kind runs through here, level segments in.
    // defaults: where unannotated items and cursor are looked for in this object (the result, or its output).
    private void Visit(ref Utf8JsonReader reader, int level, bool items, bool cursor, Defaults? defaults, Defaults? output, ref Found found)
    {
        if (items && level == _items!.Length)
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                found.Items = ReadItems(ref reader, out found.Error);
            }
            else
            {
                reader.Skip();
            }

            return;
        }

        if (cursor && level == _cursor!.Length)
        {
            found.Cursor = CursorValue(ref reader);
            return;
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (GeneratedJson.Next(ref reader) != JsonTokenType.EndObject)
            {
                var childItems = items && _items![level].Matches(ref reader);
                var childCursor = cursor && _cursor![level].Matches(ref reader);
                var rank = defaults is not null && _cursor is null ? CursorRank(ref reader) : int.MaxValue;
                var isOutput = output is not null && reader.ValueTextEquals("output"u8);
                GeneratedJson.Next(ref reader);
                if (defaults is not null && rank < defaults.CursorRank)
                {
                    defaults.CursorRank = rank;
                    defaults.Cursor = CursorText(ref reader);
                }

                if (defaults is not null && _items is null && reader.TokenType == JsonTokenType.StartArray)
                {
                    // A top-level array: the items when it is the only one. An array named output is also the
                    // output's only array, looked at when the top level has more than one.
                    defaults.Arrays++;
                    if (defaults.Arrays == 1 || isOutput)
                    {
                        var list = ReadItems(ref reader, out var error);
                        if (defaults.Arrays == 1)
                        {
                            (defaults.Items, defaults.Error) = (list, error);
                        }

                        if (isOutput)
                        {
                            output!.Arrays = 1;
                            (output.Items, output.Error) = (list, error);
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else if (childItems || childCursor || (isOutput && reader.TokenType == JsonTokenType.StartObject))
                {
                    Visit(ref reader, level + 1, childItems, childCursor, isOutput && reader.TokenType == JsonTokenType.StartObject ? output : null, null, ref found);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            var index = 0;
            while (GeneratedJson.Next(ref reader) != JsonTokenType.EndArray)
            {
                var childItems = items && _items![level].Index == index;
                var childCursor = cursor && _cursor![level].Index == index;
                if (childItems || childCursor)
                {
                    Visit(ref reader, level + 1, childItems, childCursor, null, null, ref found);
                }
                else
                {
                    reader.Skip();
                }

                index++;
            }
        }
    }

    // Reads the array the reader is on into items. An item that does not read leaves the list null, the error set
    // and the reader at the array's end, so the rest of the page is still walked (the array may not be the items).
    private List<TItem>? ReadItems(ref Utf8JsonReader reader, out Exception? error)
    {
        var depth = reader.CurrentDepth;
        var items = new List<TItem>(_capacity);
        error = null;
        try
        {
            while (GeneratedJson.Next(ref reader) != JsonTokenType.EndArray)
            {
                items.Add(_request.ReadItem(ref reader));
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException or KeyNotFoundException)
        {
            error = ex;
            while (reader.TokenType != JsonTokenType.EndArray || reader.CurrentDepth != depth)
            {
                GeneratedJson.Next(ref reader);
            }

            return null;
        }

        // Pages are usually the same size: the next list starts at this one's.
        _capacity = Math.Max(items.Count, 4);
        return items;
    }

    private static int CursorRank(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < CursorNames.Length; i++)
        {
            if (reader.ValueTextEquals(CursorNames[i]))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    // The cursor's raw JSON when it is a non-empty string or a number; null, false, "" and objects mean the end.
    private static string? CursorText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
        {
            return null;
        }

        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (reader.TokenType == JsonTokenType.Number)
        {
            return Encoding.UTF8.GetString(raw);
        }

        return raw.Length == 0 ? null : string.Concat("\"", Encoding.UTF8.GetString(raw), "\"");
    }

    private static string? CursorValue(ref Utf8JsonReader reader)
    {
        var text = CursorText(ref reader);
        reader.Skip();
        return text;
    }

    private static Segment[]? Parse(string? pointer)
    {
        if (pointer is null)
        {
            return null;
        }

        if (pointer.Length == 0)
        {
            return [];
        }

        var parts = pointer[1..].Split('/');
        var segments = new Segment[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var name = parts[i].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            var index = int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;
            segments[i] = new Segment(Encoding.UTF8.GetBytes(name), index);
        }

        return segments;
    }

    /// <summary>One step of a JSON pointer: a property name, or an array index when it reads as one.</summary>
    private readonly record struct Segment(byte[] Name, int Index)
    {
        public bool Matches(ref Utf8JsonReader reader) => reader.ValueTextEquals(Name);
    }

    /// <summary>What the pointers found.</summary>
    private struct Found
    {
        public List<TItem>? Items;
        public Exception? Error;
        public string? Cursor;
    }

    /// <summary>What an object holds for the unannotated rules: its arrays and its best-named cursor.</summary>
    private sealed class Defaults
    {
        public int Arrays;
        public List<TItem>? Items;
        public Exception? Error;
        public int CursorRank = int.MaxValue;
        public string? Cursor;
    }
}
