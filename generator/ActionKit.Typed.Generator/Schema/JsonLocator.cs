using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>
/// Finds the byte span of the value at a <see cref="JsonPath"/> by re-reading the document. JsonDocument keeps no
/// positions, so the reader walks to the value. One locator serves one document and indexes each object and array it
/// walks through (where each property or element starts), so locating every action of a large file costs about one
/// reading of the file rather than one per action.
/// </summary>
internal sealed class JsonLocator
{
    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

    private readonly byte[] _utf8;

    // Keyed by the byte offset of a container's first token: where each of its elements or properties' values starts.
    private readonly Dictionary<int, List<int>> _arrays = new();
    private readonly Dictionary<int, Dictionary<string, int>> _objects = new();

    public JsonLocator(byte[] utf8) => _utf8 = utf8;

    public static (int Start, int End)? Find(byte[] utf8, JsonPath path) => new JsonLocator(utf8).Find(path);

    public (int Start, int End)? Find(JsonPath path)
    {
        try
        {
            var offset = 0;
            var reader = ReaderAt(offset);
            if (!reader.Read())
            {
                return null;
            }

            foreach (var segment in path.Segments())
            {
                var container = offset + (int)reader.TokenStartIndex;
                int next;
                if (segment.Property is { } name)
                {
                    // The first property of that name, as a forward reader meets it.
                    if (reader.TokenType != JsonTokenType.StartObject || !Properties(container).TryGetValue(name, out next))
                    {
                        return null;
                    }
                }
                else
                {
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        return null;
                    }

                    var elements = Elements(container);
                    if (segment.Index < 0 || segment.Index >= elements.Count)
                    {
                        return null;
                    }

                    next = elements[segment.Index];
                }

                // A reader over the rest of the document, starting at the value's first token.
                offset = next;
                reader = ReaderAt(offset);
                if (!reader.Read())
                {
                    return null;
                }
            }

            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            return (offset + start, offset + (int)reader.BytesConsumed);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Utf8JsonReader ReaderAt(int offset) => new(new ReadOnlySpan<byte>(_utf8, offset, _utf8.Length - offset), Options);

    private List<int> Elements(int arrayStart)
    {
        if (_arrays.TryGetValue(arrayStart, out var known))
        {
            return known;
        }

        var starts = new List<int>();
        var reader = ReaderAt(arrayStart);
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            starts.Add(arrayStart + (int)reader.TokenStartIndex);
            reader.Skip();
        }

        _arrays.Add(arrayStart, starts);
        return starts;
    }

    private Dictionary<string, int> Properties(int objectStart)
    {
        if (_objects.TryGetValue(objectStart, out var known))
        {
            return known;
        }

        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = ReaderAt(objectStart);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (!values.ContainsKey(name))
            {
                values.Add(name, objectStart + (int)reader.TokenStartIndex);
            }

            reader.Skip();
        }

        _objects.Add(objectStart, values);
        return values;
    }
}
