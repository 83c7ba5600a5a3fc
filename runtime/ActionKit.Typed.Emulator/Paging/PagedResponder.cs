using System;
using System.Buffers;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActionKit.Typed.Emulator.Catalog;
using ActionKit.Typed.Emulator.Endpoints;
using ActionKit.Typed.Emulator.Errors;

namespace ActionKit.Typed.Emulator.Paging;

/// <summary>
/// Answers a run of an action that has a <see cref="PagedDataSet"/>: reads the position from
/// <c>paginationParameters</c>, cuts the page, and places items and the next cursor where the action keeps them.
/// Cursors encode the index of the page's first item (<c>cursor-20</c>), so a changed page size still lines up.
/// </summary>
internal static class PagedResponder
{
    private const string CursorPrefix = "cursor-";

    public static EmulatorResponse Respond(PagedDataState data, EmulatedAction action, JsonElement parameters, EmulatorRequest request)
    {
        var set = data.DataSet;
        var annotation = action.Annotation?.Pagination;
        var positionName = set.PositionParameter ?? annotation?.Position ?? DefaultPosition(set.Style);
        var limitName = set.LimitParameter ?? annotation?.Limit ?? "limit";
        var itemsPointer = set.ItemsPointer ?? annotation?.Items ?? "/data";
        var cursorPointer = set.NextCursorPointer ?? annotation?.NextCursor ?? "/nextPageCursor";

        var page = parameters.TryGetProperty("paginationParameters", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var size = Number(page, limitName) is > 0 and var limit ? (int)limit : set.PageSize;
        var position = page.ValueKind == JsonValueKind.Object && page.TryGetProperty(positionName, out var value) ? value : default;

        int start;
        switch (set.Style)
        {
            case PagingStyle.Cursor when position.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null:
                start = 0;
                break;
            case PagingStyle.Cursor:
                if (position.ValueKind != JsonValueKind.String || !TryParseCursor(position.GetString()!, out start))
                {
                    return request.Error(400, EmulatorErrorCodes.ValidationFailed, $"\"{positionName}\" is not a cursor this action returned.");
                }

                break;
            case PagingStyle.Offset:
                start = (int)(Number(page, positionName) ?? 0);
                break;
            default:
                start = ((int)(Number(page, positionName) ?? 1) - 1) * size;
                break;
        }

        if (start < 0)
        {
            return request.Error(400, EmulatorErrorCodes.ValidationFailed, $"\"{positionName}\" is out of range.");
        }

        if (set.Misbehavior == PagingMisbehavior.SamePageForever)
        {
            start = 0;
        }

        var pageNumber = (start / size) + 1;
        if (data.TryTakeFailure(pageNumber))
        {
            return request.Error(set.FailureStatus, EmulatorErrorCodes.ServerError, $"Page {pageNumber} failed (injected).");
        }

        var end = Math.Min(start + size, set.ItemCount);
        var emptyForever = set.Misbehavior == PagingMisbehavior.EmptyPagesWithCursorForever && start > 0;
        var items = new JsonArray();
        for (var index = start; !emptyForever && index < end; index++)
        {
            items.Add((JsonNode)Item(index + 1));
        }

        string? next = set.Misbehavior switch
        {
            PagingMisbehavior.RepeatCursorForever => CursorPrefix + size.ToString(CultureInfo.InvariantCulture),
            PagingMisbehavior.EmptyPagesWithCursorForever => CursorPrefix + (start + size).ToString(CultureInfo.InvariantCulture),
            PagingMisbehavior.SamePageForever => CursorPrefix + size.ToString(CultureInfo.InvariantCulture),
            _ => start + size < set.ItemCount ? CursorPrefix + (start + size).ToString(CultureInfo.InvariantCulture) : null,
        };

        JsonNode root = itemsPointer.Length == 0 ? items : new JsonObject();
        if (root is JsonObject container)
        {
            Place(container, itemsPointer, items);
            if (set.Style == PagingStyle.Cursor)
            {
                var marker = next is not null ? JsonValue.Create(next) : EndValue(set.EndMarker);
                if (next is not null || set.EndMarker != EmulatorEndOfList.Absent)
                {
                    Place(container, cursorPointer, marker);
                }
            }
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            root.WriteTo(writer);
        }

        return EmulatorResponse.Json(200, buffer.WrittenMemory.ToArray());
    }

    private static JsonObject Item(int n) => new()
    {
        ["id"] = "item-" + n.ToString(CultureInfo.InvariantCulture),
        ["gid"] = n.ToString(CultureInfo.InvariantCulture),
        ["name"] = "Item " + n.ToString(CultureInfo.InvariantCulture),
        ["index"] = n,
    };

    private static JsonNode? EndValue(EmulatorEndOfList marker) => marker switch
    {
        EmulatorEndOfList.False => JsonValue.Create(false),
        EmulatorEndOfList.EmptyString => JsonValue.Create(string.Empty),
        _ => null,
    };

    /// <summary>Sets <paramref name="value"/> at a JSON pointer, creating the objects on the way.</summary>
    private static void Place(JsonObject root, string pointer, JsonNode? value)
    {
        var segments = pointer.TrimStart('/').Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        var current = root;
        foreach (var segment in segments[..^1])
        {
            if (current[segment] is not JsonObject child)
            {
                child = new JsonObject();
                current[segment] = child;
            }

            current = child;
        }

        current[segments[^1]] = value;
    }

    private static long? Number(JsonElement page, string name)
    {
        if (page.ValueKind != JsonValueKind.Object || !page.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
    }

    private static bool TryParseCursor(string cursor, out int start)
    {
        start = 0;
        return cursor.StartsWith(CursorPrefix, StringComparison.Ordinal)
            && int.TryParse(cursor.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out start);
    }

    private static string DefaultPosition(PagingStyle style) => style switch
    {
        PagingStyle.Offset => "offset",
        PagingStyle.PageNumber => "page",
        _ => "pageCursor",
    };
}
