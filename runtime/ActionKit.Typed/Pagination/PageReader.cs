using System;
using System.Globalization;
using System.Text.Json;

namespace ActionKit.Typed;

/// <summary>
/// Finds a page's items and next cursor. Where ActionKit keeps them is not documented per action, so annotations
/// may give JSON pointers; otherwise the cursor is looked up at the result's top level (or inside <c>output</c>)
/// and the items are the result itself when it is an array, else its single top-level array property.
/// </summary>
internal static class PageReader
{
    // Spellings ActionKit and the providers it wraps use for the next cursor.
    private static readonly string[] CursorNames = ["nextPageCursor", "nextPageToken", "nextCursor", "next_cursor", "next_page_token"];

    public static JsonElement? Items(JsonElement result, string? pointer)
    {
        if (pointer is not null)
        {
            return Resolve(result, pointer) is { ValueKind: JsonValueKind.Array } items ? items : null;
        }

        if (result.ValueKind == JsonValueKind.Array)
        {
            return result;
        }

        return SingleArray(result) ?? (Output(result) is { } output ? SingleArray(output) : null);
    }

    /// <summary>The next cursor as raw JSON, or null at the end: null, false, "" and absent all mean there is no next page.</summary>
    public static string? NextCursor(JsonElement result, string? pointer)
    {
        var cursor = pointer is not null ? Resolve(result, pointer) : Find(result) ?? (Output(result) is { } output ? Find(output) : null);
        return cursor switch
        {
            { ValueKind: JsonValueKind.String } s when s.GetString() is { Length: > 0 } => s.GetRawText(),
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            _ => null,
        };
    }

    /// <summary>Resolves an RFC 6901 JSON pointer; null when a segment is missing.</summary>
    public static JsonElement? Resolve(JsonElement root, string pointer)
    {
        if (pointer.Length == 0)
        {
            return root;
        }

        var current = root;
        foreach (var raw in pointer.AsSpan(1).ToString().Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static JsonElement? Find(JsonElement container)
    {
        if (container.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in CursorNames)
        {
            if (container.TryGetProperty(name, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static JsonElement? Output(JsonElement result) =>
        result.ValueKind == JsonValueKind.Object && result.TryGetProperty("output", out var output) ? output : null;

    private static JsonElement? SingleArray(JsonElement container)
    {
        if (container.ValueKind == JsonValueKind.Array)
        {
            return container;
        }

        if (container.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        JsonElement? found = null;
        foreach (var property in container.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                if (found is not null)
                {
                    return null;
                }

                found = property.Value;
            }
        }

        return found;
    }
}
