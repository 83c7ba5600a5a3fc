using System;
using System.Collections.Generic;
using System.IO;
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
        var (stream, writer) = Rent();
        WriteValue(writer, element);
        writer.Flush();
        var utf8 = stream.GetBuffer();
        var length = (int)stream.Length;
        var result = (Encoding.UTF8.GetString(utf8, 0, length), Hash(utf8, length));
        Return(stream, writer);
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

    // One stream and writer per thread, emptied between schemas: every action writes its schema once, and a new
    // stream would grow (copying as it goes) and then be copied out.
    [ThreadStatic]
    private static Tuple<MemoryStream, Utf8JsonWriter>? t_writer;

    private static (MemoryStream Stream, Utf8JsonWriter Writer) Rent()
    {
        var cached = t_writer;
        t_writer = null;
        if (cached is not null)
        {
            return (cached.Item1, cached.Item2);
        }

        var stream = new MemoryStream(16 * 1024);
        return (stream, new Utf8JsonWriter(stream));
    }

    private static void Return(MemoryStream stream, Utf8JsonWriter writer)
    {
        // A very large schema's buffer is not kept for the rest of the compilation.
        if (stream.Capacity > 1024 * 1024)
        {
            writer.Dispose();
            return;
        }

        stream.SetLength(0);
        writer.Reset(stream);
        t_writer = Tuple.Create(stream, writer);
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in SortedProperties(element))
                {
                    writer.WritePropertyName(property.Name);
                    WriteValue(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>Properties in ordinal order of their names; of duplicate names, the last one (as JsonDocument reads them).</summary>
    private static List<(string Name, JsonElement Value)> SortedProperties(JsonElement element)
    {
        var properties = new List<(string Name, JsonElement Value, int Index)>();
        foreach (var property in element.EnumerateObject())
        {
            properties.Add((property.Name, property.Value, properties.Count));
        }

        properties.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : a.Index.CompareTo(b.Index);
        });

        var sorted = new List<(string Name, JsonElement Value)>(properties.Count);
        for (var i = 0; i < properties.Count; i++)
        {
            if (i + 1 < properties.Count && string.Equals(properties[i].Name, properties[i + 1].Name, StringComparison.Ordinal))
            {
                continue;
            }

            sorted.Add((properties[i].Name, properties[i].Value));
        }

        return sorted;
    }
}
