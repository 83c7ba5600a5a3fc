using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>
/// A compact JSON form with object keys sorted, so that equivalent schemas compare and hash the same whatever
/// their formatting or key order; the hash names a schema version in the generated descriptor.
/// </summary>
internal static class CanonicalJson
{
    public static string Write(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteValue(writer, element);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>FNV-1a, 64-bit: stable across processes and platforms, unlike string.GetHashCode.</summary>
    public static string Hash(string canonical)
    {
        const ulong offset = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offset;
        foreach (var b in Encoding.UTF8.GetBytes(canonical))
        {
            hash = unchecked((hash ^ b) * prime);
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(p => p.Name, StringComparer.Ordinal))
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
}
