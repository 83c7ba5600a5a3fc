using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace ActionKit.Typed.Serialization;

/// <summary>
/// Reading and writing primitives for generated serializers. Reads are tolerant where ActionKit's schemas are
/// loose (a number where a string was declared, a single value where a list was declared); writes are exact.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedJson
{
    /// <summary>A string, or the raw text of a number or boolean; null for JSON null.</summary>
    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        JsonTokenType.Number => RawText(ref reader),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw Unexpected(ref reader, "a string"),
    };

    /// <summary>A number, or a string that holds one; null for JSON null.</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                throw Unexpected(ref reader, "a number");
        }
    }

    /// <summary>An integer, an integral number, or a string that holds one; null for JSON null.</summary>
    public static long? ReadInt64(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var value):
                return value;
            case JsonTokenType.Number when reader.TryGetDouble(out var d) && d == Math.Floor(d) && d >= long.MinValue && d <= long.MaxValue:
                return (long)d;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                throw Unexpected(ref reader, "an integer");
        }
    }

    /// <summary>A boolean, or the string <c>"true"</c>/<c>"false"</c>; null for JSON null.</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader)
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
                throw Unexpected(ref reader, "a boolean");
        }
    }

    /// <summary>Any JSON value, copied out of the reader.</summary>
    public static JsonElement ReadElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>A string list item (null kept as null).</summary>
    public static string ReadStringItem(ref Utf8JsonReader reader) => ReadString(ref reader)!;

    /// <summary>A number list item.</summary>
    public static double ReadDoubleItem(ref Utf8JsonReader reader) => ReadDouble(ref reader) ?? throw Unexpected(ref reader, "a number");

    /// <summary>An integer list item.</summary>
    public static long ReadInt64Item(ref Utf8JsonReader reader) => ReadInt64(ref reader) ?? throw Unexpected(ref reader, "an integer");

    /// <summary>A boolean list item.</summary>
    public static bool ReadBooleanItem(ref Utf8JsonReader reader) => ReadBoolean(ref reader) ?? throw Unexpected(ref reader, "a boolean");

    /// <summary>A JSON array; a single non-array value is read as a list of one (ActionKit accepts both for many inputs).</summary>
    public static IReadOnlyList<T> ReadList<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return [readItem(ref reader)];
        }

        var items = new List<T>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            items.Add(readItem(ref reader));
        }

        return items;
    }

    /// <summary>A JSON object read as a dictionary.</summary>
    public static IReadOnlyDictionary<string, T> ReadDictionary<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readValue)
    {
        ExpectStartObject(ref reader);
        var values = new Dictionary<string, T>(StringComparer.Ordinal);
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            Next(ref reader);
            values[key] = readValue(ref reader);
        }

        return values;
    }

    /// <summary>Reads the value after a property name that no member claims into the record's extension data.</summary>
    public static void ReadExtension(ref Utf8JsonReader reader, string name, ref Dictionary<string, JsonElement>? extensions)
    {
        (extensions ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>
    /// Copies the property the reader is on (a name that no member claims, then its value) into the record's
    /// extension data, leaving the reader at the value's end.
    /// </summary>
    public static void ReadExtension(ref Utf8JsonReader reader, ref JsonExtensionDataBuilder extensions) => extensions.Add(ref reader);

    /// <summary>
    /// Moves to the next property that a member claims and onto its value, giving the member's position in
    /// <paramref name="names"/>; a property no member claims is copied into <paramref name="extensions"/> on the way.
    /// Returns false at the end of the object.
    /// </summary>
    public static bool NextProperty(ref Utf8JsonReader reader, JsonPropertyNames names, ref JsonExtensionDataBuilder extensions, out int index)
    {
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            index = names.IndexOf(ref reader);
            if (index >= 0)
            {
                Next(ref reader);
                return true;
            }

            extensions.Add(ref reader);
        }

        index = -1;
        return false;
    }

    /// <summary>Writes a list with an item writer.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartArray();
        for (var i = 0; i < items.Count; i++)
        {
            writeItem(writer, items[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a dictionary as a JSON object with a value writer.</summary>
    public static void WriteDictionary<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> values, Action<Utf8JsonWriter, T> writeValue)
    {
        writer.WriteStartObject();
        foreach (var pair in values)
        {
            writer.WritePropertyName(pair.Key);
            writeValue(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes extension data back as properties of the current object.</summary>
    public static void WriteExtensions(Utf8JsonWriter writer, IDictionary<string, JsonElement>? extensions)
    {
        if (extensions is null)
        {
            return;
        }

        foreach (var pair in extensions)
        {
            if (pair.Value.ValueKind == JsonValueKind.Undefined)
            {
                continue;
            }

            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }

    /// <summary>Writes a JSON value, or null when it is undefined.</summary>
    public static void WriteElement(Utf8JsonWriter writer, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    /// <summary>Moves to the next token; a truncated document is an error, not a silent end.</summary>
    public static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ended early.");
        }

        return reader.TokenType;
    }

    /// <summary>Checks that the reader is on the start of an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object");
        }
    }

    /// <summary>The error for a required property that the JSON lacks.</summary>
    public static JsonException MissingRequired(string typeName, string wireName) =>
        new($"'{wireName}' is required by {typeName} but was missing.");

    /// <summary>The error for a token of the wrong kind.</summary>
    public static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} but found {Describe(reader.TokenType)} at byte {reader.TokenStartIndex}.");

    private static string RawText(ref Utf8JsonReader reader)
    {
        var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        return System.Text.Encoding.UTF8.GetString(span);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
