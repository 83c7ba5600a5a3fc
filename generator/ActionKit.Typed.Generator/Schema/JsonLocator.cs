using System;
using System.Text.Json;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>
/// Finds the byte span of the value at a <see cref="JsonPath"/> by re-reading the document. JsonDocument keeps no
/// positions, and diagnostics are rare, so the cost is paid only when one is reported.
/// </summary>
internal static class JsonLocator
{
    public static (int Start, int End)? Find(byte[] utf8, JsonPath path)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
            if (!reader.Read())
            {
                return null;
            }

            foreach (var segment in path.Segments())
            {
                if (!MoveTo(ref reader, segment))
                {
                    return null;
                }
            }

            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            return (start, (int)reader.BytesConsumed);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The byte span of the first string or property name that System.Text.Json parses but cannot turn into a .NET
    /// string (an escaped unpaired surrogate such as <c>"\uD800"</c>), or null when every string reads.
    /// </summary>
    public static (int Start, int End)? FindUnreadableString(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    try
                    {
                        reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        // The quotes around the raw (still escaped) value; BytesConsumed would take a name's colon too.
                        var start = (int)reader.TokenStartIndex;
                        var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
                        return (start, start + length + 2);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // The document itself is reported by the parser.
        }

        return null;
    }

    private static bool MoveTo(ref Utf8JsonReader reader, JsonPath segment)
    {
        if (segment.Property is { } name)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                reader.Read();
                if (match)
                {
                    return true;
                }

                reader.Skip();
            }

            return false;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            if (i == segment.Index)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }
}
