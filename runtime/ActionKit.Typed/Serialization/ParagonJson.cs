using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace ActionKit.Typed.Serialization;

/// <summary>Reflection-free helpers for the hand-written Connect serializers: tolerant reads that keep whatever does not fit.</summary>
internal static class ParagonJson
{
    /// <summary>A string, or null for JSON null; a value of another kind is kept in the extension data and null returned.</summary>
    public static string? String(ref Utf8JsonReader reader, string name, ref Dictionary<string, JsonElement>? extensions)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return GeneratedJson.ReadString(ref reader);
            default:
                GeneratedJson.ReadExtension(ref reader, name, ref extensions);
                return null;
        }
    }

    /// <summary>A boolean (or "true"/"false"), else kept in the extension data.</summary>
    public static bool? Boolean(ref Utf8JsonReader reader, string name, ref Dictionary<string, JsonElement>? extensions)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when bool.TryParse(reader.GetString(), out var parsed):
                return parsed;
            default:
                GeneratedJson.ReadExtension(ref reader, name, ref extensions);
                return null;
        }
    }

    /// <summary>An integer, else kept in the extension data.</summary>
    public static long? Int64(ref Utf8JsonReader reader, string name, ref Dictionary<string, JsonElement>? extensions)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
        {
            return value;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            GeneratedJson.ReadExtension(ref reader, name, ref extensions);
        }

        return null;
    }

    /// <summary>An ISO 8601 date; anything that does not parse is kept in the extension data.</summary>
    public static DateTimeOffset? Date(ref Utf8JsonReader reader, string name, ref Dictionary<string, JsonElement>? extensions)
    {
        if (reader.TokenType == JsonTokenType.String &&
            DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            return date;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            GeneratedJson.ReadExtension(ref reader, name, ref extensions);
        }

        return null;
    }

    /// <summary>Any value; JSON null reads as null.</summary>
    public static JsonElement? Element(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);

    /// <summary>An object's members as elements; null for JSON null; a non-object is kept in the extension data.</summary>
    public static Dictionary<string, JsonElement>? Members(ref Utf8JsonReader reader, string name, ref Dictionary<string, JsonElement>? extensions)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            while (GeneratedJson.Next(ref reader) != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                GeneratedJson.Next(ref reader);
                members[key] = JsonElement.ParseValue(ref reader);
            }

            return members;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            GeneratedJson.ReadExtension(ref reader, name, ref extensions);
        }

        return null;
    }

    /// <summary>Reads a whole body with <paramref name="read"/>, positioned on its first token.</summary>
    public static T Parse<T>(ReadOnlySpan<byte> utf8, JsonReadFunc<T> read)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read())
        {
            throw new JsonException("The body is empty.");
        }

        return read(ref reader);
    }

    /// <summary>A JSON array of <typeparamref name="T"/>; an object holding one array property (a wrapped list) is read through.</summary>
    public static IReadOnlyList<T> List<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            // Tolerance: {"data": […]} or {"credentials": […]} — take the first array property.
            IReadOnlyList<T>? found = null;
            while (GeneratedJson.Next(ref reader) != JsonTokenType.EndObject)
            {
                GeneratedJson.Next(ref reader);
                if (found is null && reader.TokenType == JsonTokenType.StartArray)
                {
                    found = List(ref reader, readItem);
                }
                else
                {
                    reader.Skip();
                }
            }

            return found ?? throw new JsonException("Expected a JSON array.");
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw GeneratedJson.Unexpected(ref reader, "an array");
        }

        var items = new List<T>();
        while (GeneratedJson.Next(ref reader) != JsonTokenType.EndArray)
        {
            items.Add(readItem(ref reader));
        }

        return items;
    }

    /// <summary>Writes with <paramref name="write"/> into a new buffer.</summary>
    public static BinaryData Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return new BinaryData(buffer.WrittenMemory);
    }

    /// <summary>A JSON string value.</summary>
    public static JsonElement StringElement(string text)
    {
        var json = Write(writer => writer.WriteStringValue(text));
        using var document = JsonDocument.Parse(json.ToMemory());
        return document.RootElement.Clone();
    }

    /// <summary>Writes members back as properties of the current object.</summary>
    public static void WriteMembers(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, JsonElement>> members)
    {
        foreach (var pair in members)
        {
            if (pair.Value.ValueKind == JsonValueKind.Undefined)
            {
                continue;
            }

            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }
}
