using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>
/// Finds the byte span of the value at a <see cref="JsonPath"/> by re-reading the document. JsonDocument keeps no
/// positions, so the reader walks to the value. One locator serves one document and remembers where each element of
/// the arrays and each property of the objects it walked through starts, so locating every action of a large file
/// costs about one reading of the file rather than one per action.
/// </summary>
internal sealed class JsonLocator
{
    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

    private readonly ReadOnlyMemory<byte> _utf8;

    // Keyed by the byte offset of a container's first token: where each of its elements or properties' values starts.
    private readonly Dictionary<int, ContainerIndex> _arrays = new();
    private readonly Dictionary<int, ContainerIndex> _objects = new();

    public JsonLocator(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

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
                    if (reader.TokenType != JsonTokenType.StartObject || !TryGetProperty(container, name, out next))
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

                    if (!TryGetElement(container, segment.Index, out next))
                    {
                        return null;
                    }
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

    /// <summary>
    /// The byte span of the first string or property name that System.Text.Json parses but cannot turn into a .NET
    /// string (an escaped unpaired surrogate such as <c>"\uD800"</c>), or null when every string reads.
    /// </summary>
    public static (int Start, int End)? FindUnreadableString(ReadOnlySpan<byte> utf8)
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

    private Utf8JsonReader ReaderAt(int offset) => new(_utf8.Span.Slice(offset), Options);

    /// <summary>
    /// The value offset of an array's element at <paramref name="index"/>. Like objects, arrays are read only as far as
    /// needed and reading resumes where the last lookup stopped.
    /// </summary>
    private bool TryGetElement(int arrayStart, int index, out int valueStart)
    {
        if (!_arrays.TryGetValue(arrayStart, out var known))
        {
            var reader = ReaderAt(arrayStart);
            reader.Read();
            known = new ContainerIndex(arrayStart + (int)reader.BytesConsumed, reader.CurrentState);
            _arrays.Add(arrayStart, known);
        }

        while (known.ElementCount <= index && !known.Complete)
        {
            var reader = new Utf8JsonReader(_utf8.Span.Slice(known.Resume), isFinalBlock: true, known.State);
            SkipPendingValue(ref reader, known);
            var before = (int)reader.BytesConsumed;
            var state = reader.CurrentState;
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            {
                known.Complete = true;
                break;
            }

            known.Elements.Add(known.Resume + (int)reader.TokenStartIndex);
            known.Resume += before;
            known.State = state;
            known.PendingValue = true;
        }

        var found = index >= 0 && index < known.ElementCount;
        valueStart = found ? known.Elements[index] : 0;
        return found;
    }

    /// <summary>The last value found was left unread, so that finding it cost nothing; reading on first passes over it.</summary>
    private static void SkipPendingValue(ref Utf8JsonReader reader, ContainerIndex index)
    {
        if (index.PendingValue)
        {
            reader.Read();
            reader.Skip();
            index.PendingValue = false;
        }
    }

    /// <summary>
    /// The value offset of an object's first property called <paramref name="name"/>. The object is read only as far
    /// as needed; every property passed on the way is remembered, and a later lookup resumes where the last one stopped.
    /// </summary>
    private bool TryGetProperty(int objectStart, string name, out int valueStart)
    {
        if (!_objects.TryGetValue(objectStart, out var index))
        {
            var reader = ReaderAt(objectStart);
            reader.Read();
            index = new ContainerIndex(objectStart + (int)reader.BytesConsumed, reader.CurrentState);
            _objects.Add(objectStart, index);
        }

        if (index.TryGetValue(name, out valueStart))
        {
            return true;
        }

        while (!index.Complete)
        {
            var reader = new Utf8JsonReader(_utf8.Span.Slice(index.Resume), isFinalBlock: true, index.State);
            SkipPendingValue(ref reader, index);
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
            {
                index.Complete = true;
                break;
            }

            var found = reader.ValueTextEquals(name);
            var property = found ? name : reader.GetString()!;
            var afterName = (int)reader.BytesConsumed;
            var state = reader.CurrentState;
            reader.Read();
            var start = index.Resume + (int)reader.TokenStartIndex;
            if (!index.TryGetValue(property, out var first))
            {
                index.Values.Add(property, first = start);
            }

            if (found)
            {
                // Leave the value unread: resume just after its name, and pass over it only if reading goes on.
                index.Resume += afterName;
                index.State = state;
                index.PendingValue = true;
                valueStart = first;
                return true;
            }

            reader.Skip();
            index.Resume += (int)reader.BytesConsumed;
            index.State = reader.CurrentState;
        }

        valueStart = 0;
        return false;
    }

    /// <summary>What is known of one object or array: the properties or elements read so far and where reading goes on.</summary>
    private sealed class ContainerIndex
    {
        // An object's properties by name or an array's elements by position; made once the first is met.
        private Dictionary<string, int>? _values;
        private List<int>? _elements;

        public ContainerIndex(int resume, JsonReaderState state)
        {
            Resume = resume;
            State = state;
        }

        public Dictionary<string, int> Values => _values ??= new Dictionary<string, int>(StringComparer.Ordinal);

        public List<int> Elements => _elements ??= new List<int>();

        /// <summary>How many elements are known, without making the list.</summary>
        public int ElementCount => _elements?.Count ?? 0;

        public bool TryGetValue(string name, out int valueStart)
        {
            valueStart = 0;
            return _values is not null && _values.TryGetValue(name, out valueStart);
        }

        /// <summary>Reading stopped after a property name or before an element whose value was not yet passed over.</summary>
        public bool PendingValue { get; set; }

        public int Resume { get; set; }

        public JsonReaderState State { get; set; }

        public bool Complete { get; set; }
    }
}
