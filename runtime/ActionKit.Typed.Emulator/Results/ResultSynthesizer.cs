using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using ActionKit.Typed.Emulator.Errors;

namespace ActionKit.Typed.Emulator.Results;

/// <summary>
/// Writes a plausible value for a JSON Schema, deterministically: strings are <c>"&lt;property&gt;-&lt;n&gt;"</c>,
/// numbers count up, arrays hold 2–3 items, local <c>$ref</c>s are resolved and recursion is cut off. <c>n</c>
/// starts from the call's seed, so the same action with the same parameters always gives the same bytes.
/// </summary>
internal sealed class ResultSynthesizer
{
    private const int MaxDepth = 8;
    private const int MaxRefRepeats = 2;
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly JsonElement _root;
    private readonly ulong _seed;
    private readonly JsonElement _parameters;
    private readonly List<string> _refStack = [];
    private long _counter;

    private ResultSynthesizer(JsonElement root, ulong seed, JsonElement parameters)
    {
        _root = root;
        _seed = seed;
        _parameters = parameters;
        _counter = (long)(seed % 1000);
    }

    /// <summary>A JSON value for <paramref name="schema"/>; top-level properties that match a parameter by name and kind echo it.</summary>
    public static byte[] Synthesize(JsonElement schema, ulong seed, JsonElement parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            new ResultSynthesizer(schema, seed, parameters).Write(writer, schema, "result", 0, echo: true);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A JSON value for <paramref name="schema"/>, a part of <paramref name="root"/> (which its <c>$ref</c>s point into).</summary>
    public static byte[] SynthesizePart(JsonElement root, JsonElement schema, ulong seed, string name)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            new ResultSynthesizer(root, seed, default).Write(writer, schema, name, 1);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The schema of the value a JSON pointer addresses in results of <paramref name="root"/> (following properties, <c>$ref</c>s and array items).</summary>
    public static JsonElement? SchemaAt(JsonElement root, string pointer)
    {
        var resolver = new ResultSynthesizer(root, 0, default);
        var current = resolver.Unwrap(root);
        if (current is null || pointer.Length == 0)
        {
            return current;
        }

        foreach (var raw in pointer.TrimStart('/').Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current is not { } schema)
            {
                return null;
            }

            if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(segment, out var property))
            {
                current = resolver.Unwrap(property);
            }
            else if (TypeOf(schema) == "array" && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _) && schema.TryGetProperty("items", out var items))
            {
                current = resolver.Unwrap(items);
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Follows <c>$ref</c>s and picks the first non-null branch of <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c>.</summary>
    private JsonElement? Unwrap(JsonElement schema)
    {
        for (var hops = 0; hops < 16 && schema.ValueKind == JsonValueKind.Object; hops++)
        {
            if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
            {
                if (Resolve(reference.GetString()!) is not { } target)
                {
                    return null;
                }

                schema = target;
                continue;
            }

            var next = (JsonElement?)null;
            foreach (var keyword in (ReadOnlySpan<string>)["oneOf", "anyOf", "allOf"])
            {
                if (schema.TryGetProperty(keyword, out var branches) && branches.ValueKind == JsonValueKind.Array && FirstNonNull(branches) is { } branch)
                {
                    next = branch;
                    break;
                }
            }

            if (next is null)
            {
                return schema;
            }

            schema = next.Value;
        }

        return schema.ValueKind == JsonValueKind.Object ? schema : null;
    }

    private void Write(Utf8JsonWriter writer, JsonElement schema, string name, int depth, bool echo = false)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            WriteString(writer, schema, name);
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            WriteReference(writer, reference.GetString()!, schema, name, depth, echo);
            return;
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            constant.WriteTo(writer);
            return;
        }

        // An annotator's example or default is the most realistic value there is.
        if (schema.TryGetProperty("examples", out var examples) && examples.ValueKind == JsonValueKind.Array && examples.GetArrayLength() > 0)
        {
            examples[0].WriteTo(writer);
            return;
        }

        if (schema.TryGetProperty("default", out var defaultValue))
        {
            defaultValue.WriteTo(writer);
            return;
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            values[(int)(Next() % values.GetArrayLength())].WriteTo(writer);
            return;
        }

        foreach (var keyword in (ReadOnlySpan<string>)["oneOf", "anyOf", "allOf"])
        {
            if (schema.TryGetProperty(keyword, out var branches) && branches.ValueKind == JsonValueKind.Array && FirstNonNull(branches) is { } branch)
            {
                Write(writer, branch, name, depth, echo);
                return;
            }
        }

        switch (TypeOf(schema))
        {
            case "object":
                WriteObject(writer, schema, depth, echo);
                break;
            case "array":
                WriteArray(writer, schema, name, depth);
                break;
            case "integer":
                writer.WriteNumberValue(Next());
                break;
            case "number":
                writer.WriteNumberValue(Next() + 0.5);
                break;
            case "boolean":
                // Success flags ("ok", "success") are true: a synthesized success should not read as a failure.
                writer.WriteBooleanValue(name is "ok" or "success" || Next() % 2 == 0);
                break;
            case "null":
                writer.WriteNullValue();
                break;
            default:
                WriteString(writer, schema, name);
                break;
        }
    }

    private void WriteReference(Utf8JsonWriter writer, string reference, JsonElement schema, string name, int depth, bool echo)
    {
        var target = Resolve(reference);
        var repeats = 0;
        foreach (var active in _refStack)
        {
            repeats += active == reference ? 1 : 0;
        }

        if (target is null || repeats >= MaxRefRepeats || depth >= MaxDepth)
        {
            // A recursive shape ends in the emptiest value of its kind.
            WriteEmpty(writer, target ?? schema);
            return;
        }

        _refStack.Add(reference);
        Write(writer, target.Value, name, depth, echo);
        _refStack.RemoveAt(_refStack.Count - 1);
    }

    private void WriteObject(Utf8JsonWriter writer, JsonElement schema, int depth, bool echo)
    {
        if (depth >= MaxDepth)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
            return;
        }

        writer.WriteStartObject();
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                writer.WritePropertyName(property.Name);
                if (echo && TryEcho(writer, property.Name, property.Value))
                {
                    continue;
                }

                Write(writer, property.Value, property.Name, depth + 1);
            }
        }
        else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
        {
            for (var i = 0; i < 2; i++)
            {
                writer.WritePropertyName(string.Create(CultureInfo.InvariantCulture, $"key-{Next()}"));
                Write(writer, additional, "value", depth + 1);
            }
        }

        writer.WriteEndObject();
    }

    private void WriteArray(Utf8JsonWriter writer, JsonElement schema, string name, int depth)
    {
        writer.WriteStartArray();
        if (depth < MaxDepth)
        {
            if (schema.TryGetProperty("prefixItems", out var tuple) && tuple.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in tuple.EnumerateArray())
                {
                    Write(writer, item, name, depth + 1);
                }
            }
            else
            {
                var items = schema.TryGetProperty("items", out var i) ? i : default;
                var count = 2 + (int)((_seed + (ulong)depth) % 2);
                if (schema.TryGetProperty("minItems", out var min) && min.TryGetInt32(out var minItems))
                {
                    count = Math.Max(count, Math.Min(minItems, 10));
                }

                if (schema.TryGetProperty("maxItems", out var max) && max.TryGetInt32(out var maxItems))
                {
                    count = Math.Min(count, maxItems);
                }

                for (var n = 0; n < count; n++)
                {
                    if (items.ValueKind == JsonValueKind.Array)
                    {
                        Write(writer, items.GetArrayLength() == 0 ? default : items[n % items.GetArrayLength()], name, depth + 1);
                    }
                    else
                    {
                        Write(writer, items, name, depth + 1);
                    }
                }
            }
        }

        writer.WriteEndArray();
    }

    private void WriteString(Utf8JsonWriter writer, JsonElement schema, string name)
    {
        var n = Next();
        var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String
            ? f.GetString()
            : null;
        var value = format switch
        {
            "date-time" => Epoch.AddMinutes(n).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "date" => Epoch.AddDays(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "email" => string.Create(CultureInfo.InvariantCulture, $"{Slug(name)}-{n}@example.com"),
            "uri" or "url" => string.Create(CultureInfo.InvariantCulture, $"https://example.com/{Slug(name)}/{n}"),
            "uuid" => DeterministicGuid(n),
            _ => string.Create(CultureInfo.InvariantCulture, $"{name}-{n}"),
        };
        writer.WriteStringValue(value);
    }

    private bool TryEcho(Utf8JsonWriter writer, string name, JsonElement schema)
    {
        if (_parameters.ValueKind != JsonValueKind.Object || !_parameters.TryGetProperty(name, out var value))
        {
            return false;
        }

        var matches = (TypeOf(schema), value.ValueKind) switch
        {
            ("string", JsonValueKind.String) => true,
            ("integer" or "number", JsonValueKind.Number) => true,
            ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
            _ => false,
        };
        if (matches)
        {
            value.WriteTo(writer);
        }

        return matches;
    }

    private void WriteEmpty(Utf8JsonWriter writer, JsonElement schema)
    {
        var types = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) ? t : default;
        if (types.ValueKind == JsonValueKind.Array && Contains(types, "null"))
        {
            writer.WriteNullValue();
        }
        else if (TypeOf(schema) == "array")
        {
            writer.WriteStartArray();
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
    }

    private JsonElement? Resolve(string reference)
    {
        if (reference == "#")
        {
            return _root;
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        var current = _root;
        foreach (var raw in reference[2..].Split('/'))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                return type.GetString();
            }

            if (type.ValueKind == JsonValueKind.Array)
            {
                foreach (var t in type.EnumerateArray())
                {
                    if (t.ValueKind == JsonValueKind.String && t.GetString() != "null")
                    {
                        return t.GetString();
                    }
                }

                return "null";
            }
        }

        if (schema.TryGetProperty("properties", out _) || schema.TryGetProperty("additionalProperties", out _))
        {
            return "object";
        }

        return schema.TryGetProperty("items", out _) ? "array" : null;
    }

    private static JsonElement? FirstNonNull(JsonElement branches)
    {
        foreach (var branch in branches.EnumerateArray())
        {
            if (TypeOf(branch) != "null")
            {
                return branch;
            }
        }

        return null;
    }

    private static bool Contains(JsonElement array, string value)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() == value)
            {
                return true;
            }
        }

        return false;
    }

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');

    private string DeterministicGuid(long n)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, _seed);
        BitConverter.TryWriteBytes(bytes[8..], n);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout, so it parses as an ordinary UUID
        return new Guid(bytes).ToString("D");
    }

    private long Next() => ++_counter;
}
