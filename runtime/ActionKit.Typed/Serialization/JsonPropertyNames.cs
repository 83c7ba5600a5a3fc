using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace ActionKit.Typed.Serialization;

/// <summary>
/// A generated record's wire property names, looked up by the name the reader is on: one hash of the name and
/// usually one comparison, where a chain of <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> calls
/// costs a comparison per member before an undeclared property falls through to the extension data.
/// Names match exactly (ordinal, case-sensitive), escaped or not, as the reader's own comparison does.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonPropertyNames
{
    private readonly byte[][] _names;

    // Open addressing: each slot holds a name's index + 1, or 0 when empty; at most half full, so lookups stay short.
    private readonly int[] _slots;
    private readonly int _mask;
    private readonly int _longest;

    /// <summary>The names in member order; <see cref="IndexOf"/> returns a position in this list.</summary>
    /// <exception cref="ArgumentException">A name is given twice.</exception>
    public JsonPropertyNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = new byte[names.Length][];
        var size = 4;
        while (size < names.Length * 2)
        {
            size *= 2;
        }

        _slots = new int[size];
        _mask = size - 1;
        for (var i = 0; i < names.Length; i++)
        {
            var name = Encoding.UTF8.GetBytes(names[i]);
            if (Find(name) >= 0)
            {
                throw new ArgumentException($"The property name '{names[i]}' is given twice.", nameof(names));
            }

            _names[i] = name;
            _longest = Math.Max(_longest, name.Length);
            var slot = Hash(name) & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = i + 1;
        }
    }

    /// <summary>The member index of the property name the reader is on, or -1 when no member has that name.</summary>
    public int IndexOf(ref Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return Find(reader.ValueSpan);
        }

        // Escaped or split across segments (rare): compare the unescaped name. It is never longer than the raw one.
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > 4 * 1024)
        {
            return Find(Encoding.UTF8.GetBytes(reader.GetString()!));
        }

        Span<byte> name = stackalloc byte[(int)length];
        return Find(name[..reader.CopyString(name)]);
    }

    private int Find(ReadOnlySpan<byte> name)
    {
        if (name.Length > _longest)
        {
            return -1;
        }

        var slot = Hash(name) & _mask;
        while (_slots[slot] is var entry and not 0)
        {
            if (name.SequenceEqual(_names[entry - 1]))
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }

        return -1;
    }

    // FNV-1a: wire names are short, so hashing every byte costs less than a second comparison.
    private static int Hash(ReadOnlySpan<byte> name)
    {
        var hash = 2166136261u;
        foreach (var b in name)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15));
    }
}
