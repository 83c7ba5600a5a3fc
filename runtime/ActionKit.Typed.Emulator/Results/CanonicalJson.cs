using System;
using System.Buffers;
using System.Linq;
using System.Text.Json;
using ActionKit.Typed.Emulator.Errors;

namespace ActionKit.Typed.Emulator.Results;

/// <summary>A stable fingerprint of an action call, so the same action with the same parameters yields the same bytes.</summary>
internal static class CanonicalJson
{
    /// <summary>FNV-1a over the action name and the parameters written with sorted keys and no whitespace.</summary>
    /// <param name="action">The action name.</param>
    /// <param name="parameters">The call's parameters.</param>
    /// <param name="exceptProperty">A top-level parameter left out of the fingerprint (the page position, so every page shares one data set).</param>
    public static ulong Seed(string action, JsonElement parameters, string? exceptProperty = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(action);
            if (parameters.ValueKind == JsonValueKind.Undefined)
            {
                writer.WriteNullValue();
            }
            else
            {
                WriteSorted(writer, parameters, exceptProperty);
            }

            writer.WriteEndArray();
        }

        return Fnv1a(buffer.WrittenSpan);
    }

    public static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return hash;
    }

    /// <summary>Mixes a number into a seed (for per-item seeds of a data set).</summary>
    public static ulong Mix(ulong seed, long value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, seed);
        BitConverter.TryWriteBytes(bytes[8..], value);
        return Fnv1a(bytes);
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonElement value, string? exceptProperty = null)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (exceptProperty is not null && property.NameEquals(exceptProperty))
                    {
                        continue;
                    }

                    writer.WritePropertyName(property.Name);
                    WriteSorted(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteSorted(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
