using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActionKit.Typed.Emulator.Catalog;
using ActionKit.Typed.Emulator.Errors;

namespace ActionKit.Typed.Emulator.Results;

/// <summary>
/// One page of a seeded data set for an action annotated as paginated. The data set is fixed by the action and
/// its parameters other than <c>paginationParameters</c>, so every page belongs to the same list: items never
/// repeat, the position advances in the action's own style (cursor, offset or page number), and the last page
/// ends the list with the configured sentinel.
/// </summary>
internal static class PagedResult
{
    /// <summary>The prefix of cursors the emulator issues; it encodes the offset of the next item.</summary>
    public const string CursorPrefix = "emu-";

    /// <summary>Builds the page, or returns the validation error for a position the emulator did not issue.</summary>
    public static byte[]? TryCreate(
        EmulatedAction action,
        PaginationAnnotation pagination,
        JsonElement resultSchema,
        JsonElement parameters,
        PageSettings settings,
        out string? error)
    {
        error = null;
        var paging = parameters.TryGetProperty(ActionPaginationProperty, out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var limit = settings.PageSize;
        if (pagination.Limit is { } limitName && TryGetInteger(paging, limitName, out var requested))
        {
            if (requested < 1)
            {
                error = $"paginationParameters.{limitName} must be at least 1.";
                return null;
            }

            limit = (int)Math.Min(requested, 1000);
        }

        if (!TryGetOffset(pagination, paging, limit, out var offset, out error))
        {
            return null;
        }

        var total = settings.TotalItems;
        var count = (int)Math.Clamp(total - offset, 0, limit);
        var result = JsonNode.Parse(ResultSynthesizer.Synthesize(resultSchema, CanonicalJson.Seed(action.Name, parameters), parameters));

        if (pagination.Items is { } itemsPointer && ResultSynthesizer.SchemaAt(resultSchema, itemsPointer) is { } arraySchema)
        {
            var itemSchema = arraySchema.TryGetProperty("items", out var items) ? items : default;
            var dataSetSeed = CanonicalJson.Seed(action.Name, parameters, ActionPaginationProperty);
            var name = itemsPointer.Length == 0 ? "item" : itemsPointer[(itemsPointer.LastIndexOf('/') + 1)..];
            var page = new JsonArray();
            for (var i = 0; i < count; i++)
            {
                var index = offset + i;
                page.Add(JsonNode.Parse(ResultSynthesizer.SynthesizePart(resultSchema, itemSchema, CanonicalJson.Mix(dataSetSeed, index), name)));
            }

            result = Set(result, itemsPointer, page, remove: false);
        }

        if (pagination.NextCursor is { } cursorPointer)
        {
            var next = offset + count;
            if (next < total)
            {
                JsonNode nextPosition = pagination.Style.ToLowerInvariant() switch
                {
                    "cursor" => JsonValue.Create(string.Create(CultureInfo.InvariantCulture, $"{CursorPrefix}{next}")),
                    "pagenumber" => JsonValue.Create((next / limit) + 1),
                    _ => JsonValue.Create(next),
                };
                result = Set(result, cursorPointer, nextPosition, remove: false);
            }
            else
            {
                result = settings.EndOfList switch
                {
                    EmulatorEndOfList.Absent => Set(result, cursorPointer, null, remove: true),
                    EmulatorEndOfList.False => Set(result, cursorPointer, JsonValue.Create(false), remove: false),
                    EmulatorEndOfList.EmptyString => Set(result, cursorPointer, JsonValue.Create(string.Empty), remove: false),
                    _ => Set(result, cursorPointer, null, remove: false),
                };
            }
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            if (result is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                result.WriteTo(writer);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private const string ActionPaginationProperty = "paginationParameters";

    private static bool TryGetOffset(PaginationAnnotation pagination, JsonElement paging, int limit, out long offset, out string? error)
    {
        offset = 0;
        error = null;
        var position = pagination.Position ?? pagination.Style.ToLowerInvariant() switch
        {
            "offset" => "offset",
            "pagenumber" => "page",
            _ => "pageCursor",
        };
        var value = paging.ValueKind == JsonValueKind.Object && paging.TryGetProperty(position, out var v) ? v : default;
        var first = value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
            || (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0);
        if (first)
        {
            return true;
        }

        switch (pagination.Style.ToLowerInvariant())
        {
            case "cursor":
                if (value.ValueKind == JsonValueKind.String
                    && value.GetString() is { } cursor
                    && cursor.StartsWith(CursorPrefix, StringComparison.Ordinal)
                    && long.TryParse(cursor.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset))
                {
                    return true;
                }

                error = $"paginationParameters.{position} '{Describe(value)}' is not a cursor this emulator issued.";
                return false;
            case "offset":
                if (TryInteger(value, out offset) && offset >= 0)
                {
                    return true;
                }

                error = $"paginationParameters.{position} must be a non-negative integer.";
                return false;
            case "pagenumber":
                if (TryInteger(value, out var page) && page >= 0)
                {
                    // Page numbers start at 1; 0 is read as the first page too.
                    offset = Math.Max(0, page - 1) * limit;
                    return true;
                }

                error = $"paginationParameters.{position} must be a page number.";
                return false;
            default:
                return true;
        }
    }

    private static bool TryGetInteger(JsonElement obj, string name, out long value)
    {
        value = 0;
        return obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var element) && TryInteger(element, out value);
    }

    private static bool TryInteger(JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out value),
            // Numbers typed as strings are common in ActionKit schemas ("pageSize": "100").
            JsonValueKind.String => long.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static string Describe(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>Sets (or removes) the value at a JSON pointer, creating objects on the way; returns the (possibly new) root.</summary>
    private static JsonNode? Set(JsonNode? root, string pointer, JsonNode? value, bool remove)
    {
        if (pointer.Length == 0 || pointer == "/")
        {
            return remove ? null : value;
        }

        if (root is not JsonObject)
        {
            root = new JsonObject();
        }

        var segments = pointer.TrimStart('/').Split('/');
        var current = (JsonObject)root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var segment = Unescape(segments[i]);
            if (current[segment] is not JsonObject child)
            {
                if (remove)
                {
                    return root;
                }

                child = new JsonObject();
                current[segment] = child;
            }

            current = child;
        }

        var last = Unescape(segments[^1]);
        if (remove)
        {
            current.Remove(last);
        }
        else
        {
            current[last] = value;
        }

        return root;
    }

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}

/// <summary>The size and ending of an action's seeded data set.</summary>
/// <param name="TotalItems">How many items the whole list has.</param>
/// <param name="PageSize">Items per page when the call gives no limit.</param>
/// <param name="EndOfList">What the next cursor holds on the last page.</param>
internal sealed record PageSettings(int TotalItems, int PageSize, EmulatorEndOfList EndOfList);
