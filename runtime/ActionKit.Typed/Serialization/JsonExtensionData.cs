using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Threading;

namespace ActionKit.Typed.Serialization;

/// <summary>
/// A record's wire properties that its schema does not declare, kept as one buffer of raw JSON (an object holding
/// them all) and turned into a dictionary of <see cref="JsonElement"/> values only when first looked at. Two
/// instances with the same properties and values are equal, so records that differ only in where they were read
/// from compare equal.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonExtensionData : IDictionary<string, JsonElement>, IReadOnlyDictionary<string, JsonElement>, IEquatable<JsonExtensionData>
{
    private readonly byte[] _json;
    private Dictionary<string, JsonElement>? _values;

    internal JsonExtensionData(byte[] json) => _json = json;

    /// <summary>The properties as a dictionary, read from the buffer on first use.</summary>
    private Dictionary<string, JsonElement> Values => _values ?? Materialize();

    /// <inheritdoc/>
    public JsonElement this[string key]
    {
        get => Values[key];
        set => Values[key] = value;
    }

    /// <inheritdoc/>
    public ICollection<string> Keys => Values.Keys;

    ICollection<JsonElement> IDictionary<string, JsonElement>.Values => Values.Values;

    IEnumerable<string> IReadOnlyDictionary<string, JsonElement>.Keys => Values.Keys;

    IEnumerable<JsonElement> IReadOnlyDictionary<string, JsonElement>.Values => Values.Values;

    /// <inheritdoc/>
    public int Count => Values.Count;

    bool ICollection<KeyValuePair<string, JsonElement>>.IsReadOnly => false;

    /// <inheritdoc/>
    public void Add(string key, JsonElement value) => Values.Add(key, value);

    void ICollection<KeyValuePair<string, JsonElement>>.Add(KeyValuePair<string, JsonElement> item) => Values.Add(item.Key, item.Value);

    /// <inheritdoc/>
    public void Clear() => Values.Clear();

    bool ICollection<KeyValuePair<string, JsonElement>>.Contains(KeyValuePair<string, JsonElement> item) =>
        ((ICollection<KeyValuePair<string, JsonElement>>)Values).Contains(item);

    /// <inheritdoc/>
    public bool ContainsKey(string key) => Values.ContainsKey(key);

    void ICollection<KeyValuePair<string, JsonElement>>.CopyTo(KeyValuePair<string, JsonElement>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, JsonElement>>)Values).CopyTo(array, arrayIndex);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() => Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Remove(string key) => Values.Remove(key);

    bool ICollection<KeyValuePair<string, JsonElement>>.Remove(KeyValuePair<string, JsonElement> item) =>
        ((ICollection<KeyValuePair<string, JsonElement>>)Values).Remove(item);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value) => Values.TryGetValue(key, out value);

    /// <summary>The same property names with deeply equal values.</summary>
    public bool Equals(JsonExtensionData? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        // Neither looked at (so neither changed): the same bytes are the same properties.
        if (_values is null && other._values is null && _json.AsSpan().SequenceEqual(other._json))
        {
            return true;
        }

        var left = Values;
        var right = other.Values;
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var pair in left)
        {
            if (!right.TryGetValue(pair.Key, out var value) || !JsonElement.DeepEquals(pair.Value, value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is JsonExtensionData other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        // Order-independent, like the equality above: the names only.
        var hash = Values.Count;
        foreach (var key in Values.Keys)
        {
            hash ^= StringComparer.Ordinal.GetHashCode(key);
        }

        return hash;
    }

    /// <summary>The properties as one JSON object.</summary>
    public override string ToString()
    {
        if (_values is null)
        {
            return System.Text.Encoding.UTF8.GetString(_json);
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            GeneratedJson.WriteExtensions(writer, _values);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private Dictionary<string, JsonElement> Materialize()
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        var root = JsonElement.ParseValue(ref reader);
        foreach (var property in root.EnumerateObject())
        {
            values[property.Name] = property.Value;
        }

        // From here on the dictionary is the data (it may be changed through IDictionary); when two threads get here
        // at once, both use the first one stored.
        return Interlocked.CompareExchange(ref _values, values, null) ?? values;
    }
}

/// <summary>
/// Collects a record's undeclared properties while it is read: their raw JSON is copied, as it was received, into
/// one buffer that becomes a <see cref="JsonExtensionData"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct JsonExtensionDataBuilder
{
    private byte[]? _buffer;
    private int _length;

    /// <summary>Copies the property the reader is on (its name, then its value) and leaves the reader at the value's end.</summary>
    public void Add(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            throw GeneratedJson.Unexpected(ref reader, "a property name");
        }

        Append(_buffer is null ? (byte)'{' : (byte)',');
        Quoted(ref reader);
        Append((byte)':');
        GeneratedJson.Next(ref reader);
        CopyValue(ref reader);
    }

    /// <summary>The collected properties, or null when there were none; the builder is empty afterwards.</summary>
    public JsonExtensionData? Build()
    {
        if (_buffer is not { } buffer)
        {
            return null;
        }

        Append((byte)'}');
        var json = buffer.AsSpan(0, _length).ToArray();
        ArrayPool<byte>.Shared.Return(buffer);
        _buffer = null;
        _length = 0;
        return new JsonExtensionData(json);
    }

    private void CopyValue(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        var separate = false;
        while (true)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (separate)
                    {
                        Append((byte)',');
                    }

                    Append(reader.TokenType == JsonTokenType.StartObject ? (byte)'{' : (byte)'[');
                    separate = false;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    Append(reader.TokenType == JsonTokenType.EndObject ? (byte)'}' : (byte)']');
                    separate = true;
                    break;
                case JsonTokenType.PropertyName:
                    if (separate)
                    {
                        Append((byte)',');
                    }

                    Quoted(ref reader);
                    Append((byte)':');
                    separate = false;
                    break;
                case JsonTokenType.String:
                    if (separate)
                    {
                        Append((byte)',');
                    }

                    Quoted(ref reader);
                    separate = true;
                    break;
                case JsonTokenType.Number:
                case JsonTokenType.True:
                case JsonTokenType.False:
                case JsonTokenType.Null:
                    if (separate)
                    {
                        Append((byte)',');
                    }

                    Raw(ref reader);
                    separate = true;
                    break;
                default:
                    // Comments, where the reader allows them, are not data.
                    GeneratedJson.Next(ref reader);
                    continue;
            }

            if (reader.CurrentDepth == depth && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                return;
            }

            GeneratedJson.Next(ref reader);
        }
    }

    // A string or property name as it was received, escapes included.
    private void Quoted(ref Utf8JsonReader reader)
    {
        Append((byte)'"');
        Raw(ref reader);
        Append((byte)'"');
    }

    private void Raw(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence)
        {
            var sequence = reader.ValueSequence;
            var length = checked((int)sequence.Length);
            Ensure(length);
            sequence.CopyTo(_buffer.AsSpan(_length));
            _length += length;
        }
        else
        {
            var span = reader.ValueSpan;
            Ensure(span.Length);
            span.CopyTo(_buffer.AsSpan(_length));
            _length += span.Length;
        }
    }

    private void Append(byte value)
    {
        Ensure(1);
        _buffer![_length++] = value;
    }

    private void Ensure(int more)
    {
        if (_buffer is null)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(256, more + 1));
            return;
        }

        if (_length + more <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
