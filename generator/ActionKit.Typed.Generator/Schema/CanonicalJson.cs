using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>
/// A compact JSON form with object keys sorted, so that equivalent schemas compare and hash the same whatever
/// their formatting or key order; the hash names a schema version in the generated descriptor.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The canonical form and its hash, hashing the UTF-8 bytes as written rather than encoding the text again.</summary>
    public static (string Json, string Hash) WriteWithHash(JsonElement element)
    {
        var buffers = Buffers.Rent();
        buffers.WriteValue(element);
        buffers.Writer.Flush();
        var utf8 = buffers.Output.Buffer;
        var length = buffers.Output.Length;
        var result = (Encoding.UTF8.GetString(utf8, 0, length), Hash(utf8, length));
        buffers.Return();
        return result;
    }

    /// <summary>FNV-1a, 64-bit: stable across processes and platforms, unlike string.GetHashCode.</summary>
    private static string Hash(byte[] utf8, int length)
    {
        const ulong offset = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offset;
        for (var i = 0; i < length; i++)
        {
            hash = unchecked((hash ^ utf8[i]) * prime);
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// One buffer, writer and property list per thread, emptied between schemas: every action writes its schema once,
    /// and new ones would grow (copying as they go) for every schema and every object in it.
    /// </summary>
    private sealed class Buffers
    {
        [ThreadStatic]
        private static Buffers? t_cached;

        // The properties of the objects being written, innermost last: each object sorts and writes its own range.
        private readonly List<(string Name, JsonElement Value, int Index)> _properties = new();

        private Buffers()
        {
            Output = new ByteBufferWriter(16 * 1024);
            Writer = new Utf8JsonWriter(Output);
        }

        public ByteBufferWriter Output { get; }

        public Utf8JsonWriter Writer { get; }

        public static Buffers Rent()
        {
            var cached = t_cached;
            t_cached = null;
            return cached ?? new Buffers();
        }

        public void Return()
        {
            // A very large schema's buffer is not kept for the rest of the compilation.
            if (Output.Capacity > 1024 * 1024)
            {
                return;
            }

            Output.Clear();
            Writer.Reset(Output);
            _properties.Clear();
            t_cached = this;
        }

        public void WriteValue(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    Writer.WriteStartObject();
                    WriteProperties(element);
                    Writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    Writer.WriteStartArray();
                    foreach (var item in element.EnumerateArray())
                    {
                        WriteValue(item);
                    }

                    Writer.WriteEndArray();
                    break;
                default:
                    element.WriteTo(Writer);
                    break;
            }
        }

        /// <summary>Properties in ordinal order of their names; of duplicate names, the last one (as JsonDocument reads them).</summary>
        private void WriteProperties(JsonElement element)
        {
            var start = _properties.Count;
            foreach (var property in element.EnumerateObject())
            {
                _properties.Add((NameOf(property), property.Value, _properties.Count - start));
            }

            var end = _properties.Count;
            Sort(start, end);
            for (var i = start; i < end; i++)
            {
                var (name, value, _) = _properties[i];
                if (i + 1 < end && string.Equals(name, _properties[i + 1].Name, StringComparison.Ordinal))
                {
                    continue;
                }

                Writer.WritePropertyName(name);
                WriteValue(value);
            }

            _properties.RemoveRange(start, end - start);
        }

        /// <summary>
        /// Sorts a range of the list. Most objects of a schema have a few properties, and an insertion sort of those
        /// costs nothing, where List.Sort makes a comparison delegate for every call.
        /// </summary>
        private void Sort(int start, int end)
        {
            if (end - start > 16)
            {
                _properties.Sort(start, end - start, ByNameThenPosition.Instance);
                return;
            }

            for (var i = start + 1; i < end; i++)
            {
                var property = _properties[i];
                var j = i - 1;
                for (; j >= start && ByNameThenPosition.Instance.Compare(_properties[j], property) > 0; j--)
                {
                    _properties[j + 1] = _properties[j];
                }

                _properties[j + 1] = property;
            }
        }
    }

    // Most names in a schema are its keywords: those are matched rather than decoded to a new string each time.
    private static readonly string[] Keywords = { "type", "description", "properties", "items", "enum", "required" };
    private static readonly byte[][] KeywordsUtf8 = Array.ConvertAll(Keywords, Encoding.UTF8.GetBytes);

    private static string NameOf(JsonProperty property)
    {
        for (var i = 0; i < KeywordsUtf8.Length; i++)
        {
            if (property.NameEquals(KeywordsUtf8[i]))
            {
                return Keywords[i];
            }
        }

        return property.Name;
    }

    private sealed class ByNameThenPosition : IComparer<(string Name, JsonElement Value, int Index)>
    {
        public static readonly ByNameThenPosition Instance = new();

        public int Compare((string Name, JsonElement Value, int Index) a, (string Name, JsonElement Value, int Index) b)
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : a.Index.CompareTo(b.Index);
        }
    }
}
