using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ActionKit.Typed.Generator.Diagnostics;
using ActionKit.Typed.Generator.Model;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>
/// Reads a JSON Schema into a <see cref="SchemaDocument"/>. Tolerant by design: ActionKit promises only standard
/// JSON Schema, so anything unknown (unions, tuple arrays, boolean schemas) becomes a free-form value instead of an error.
/// </summary>
internal sealed class SchemaNodeReader
{
    private const int MaxDepth = 64;

    private readonly SchemaSource _source;
    private readonly string _owner;
    private readonly HashSet<string> _definitions = new(StringComparer.Ordinal);

    public SchemaNodeReader(SchemaSource source, string owner)
    {
        _source = source;
        _owner = owner;
    }

    public SchemaDocument ReadDocument(JsonElement root, JsonPath path)
    {
        var definitions = new List<(string Name, JsonElement Schema, JsonPath Path)>();
        foreach (var keyword in new[] { "definitions", "$defs" })
        {
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(keyword, out var defs) && defs.ValueKind == JsonValueKind.Object)
            {
                foreach (var def in defs.EnumerateObject())
                {
                    if (_definitions.Add(def.Name))
                    {
                        definitions.Add((def.Name, def.Value, path.Prop(keyword).Prop(def.Name)));
                    }
                }
            }
        }

        var node = Read(root, path, 0);
        var nodes = definitions.Select(d => new DefinitionNode(d.Name, Read(d.Schema, d.Path, 1))).ToEquatableArray();
        return new SchemaDocument(node, nodes);
    }

    private SchemaNode Read(JsonElement element, JsonPath path, int depth)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                _source.Report(DiagnosticDescriptors.InvalidSchemaKeyword, path, path.Property ?? "schema", _owner, "a schema object");
            }

            return SchemaNode.Of(SchemaKind.Any);
        }

        var description = String(element, "description");
        if (depth > MaxDepth)
        {
            return SchemaNode.Of(SchemaKind.Any, description);
        }

        if (element.TryGetProperty("$ref", out var reference))
        {
            return ReadReference(reference, path.Prop("$ref"), description);
        }

        if (ReadComposition(element, path, depth) is { } composed)
        {
            return composed.Description is null && description is not null ? composed with { Description = description } : composed;
        }

        var (kind, nullable) = ReadType(element, path);
        var enumValues = ReadEnum(element, path);
        return kind switch
        {
            SchemaKind.Object => ReadObject(element, path, depth, description, nullable),
            SchemaKind.Array => SchemaNode.Of(SchemaKind.Array, description) with
            {
                Nullable = nullable,
                Items = element.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object
                    ? Read(items, path.Prop("items"), depth + 1)
                    : SchemaNode.Of(SchemaKind.Any),
            },
            SchemaKind.String => SchemaNode.Of(SchemaKind.String, description) with { Nullable = nullable, EnumValues = enumValues },
            _ => SchemaNode.Of(kind, description) with { Nullable = nullable },
        };
    }

    private SchemaNode ReadReference(JsonElement reference, JsonPath path, string? description)
    {
        var target = reference.ValueKind == JsonValueKind.String ? reference.GetString() ?? string.Empty : string.Empty;
        foreach (var prefix in new[] { "#/definitions/", "#/$defs/" })
        {
            if (target.StartsWith(prefix, StringComparison.Ordinal))
            {
                var name = Uri.UnescapeDataString(target.Substring(prefix.Length)).Replace("~1", "/").Replace("~0", "~");
                if (_definitions.Contains(name))
                {
                    return SchemaNode.Of(SchemaKind.Ref, description) with { RefName = name };
                }
            }
        }

        _source.Report(DiagnosticDescriptors.UnresolvableReference, path, target, _owner);
        return SchemaNode.Of(SchemaKind.Any, description);
    }

    /// <summary>anyOf/oneOf/allOf: a single branch (optionally with null) is that branch; anything else is free-form.</summary>
    private SchemaNode? ReadComposition(JsonElement element, JsonPath path, int depth)
    {
        foreach (var keyword in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (!element.TryGetProperty(keyword, out var branches))
            {
                continue;
            }

            if (branches.ValueKind != JsonValueKind.Array)
            {
                _source.Report(DiagnosticDescriptors.InvalidSchemaKeyword, path.Prop(keyword), keyword, _owner, "an array of schemas");
                return SchemaNode.Of(SchemaKind.Any);
            }

            var all = branches.EnumerateArray().Select((b, i) => (Schema: b, Index: i)).ToList();
            var nonNull = all.Where(b => !IsNullSchema(b.Schema)).ToList();
            if (nonNull.Count == 1)
            {
                var node = Read(nonNull[0].Schema, path.Prop(keyword).At(nonNull[0].Index), depth + 1);
                return all.Count > 1 ? node with { Nullable = true } : node;
            }

            return SchemaNode.Of(SchemaKind.Any);
        }

        return null;
    }

    private static bool IsNullSchema(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type)
        && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

    private (SchemaKind Kind, bool Nullable) ReadType(JsonElement element, JsonPath path)
    {
        if (!element.TryGetProperty("type", out var type))
        {
            if (element.TryGetProperty("properties", out _))
            {
                return (SchemaKind.Object, false);
            }

            if (element.TryGetProperty("items", out _))
            {
                return (SchemaKind.Array, false);
            }

            return element.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
                && values.GetArrayLength() > 0 && values.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
                ? (SchemaKind.String, false)
                : (SchemaKind.Any, false);
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return (KindOf(type.GetString()), false);
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            var names = type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()).ToList();
            var nullable = names.Contains("null");
            var others = names.Where(n => n != "null").Distinct().ToList();
            return (others.Count == 1 ? KindOf(others[0]) : SchemaKind.Any, nullable);
        }

        _source.Report(DiagnosticDescriptors.InvalidSchemaKeyword, path.Prop("type"), "type", _owner, "a string or an array of strings");
        return (SchemaKind.Any, false);
    }

    private static SchemaKind KindOf(string? type) => type switch
    {
        "string" => SchemaKind.String,
        "number" => SchemaKind.Number,
        "integer" => SchemaKind.Integer,
        "boolean" => SchemaKind.Boolean,
        "object" => SchemaKind.Object,
        "array" => SchemaKind.Array,
        _ => SchemaKind.Any,
    };

    private EquatableArray<string> ReadEnum(JsonElement element, JsonPath path)
    {
        if (!element.TryGetProperty("enum", out var values))
        {
            return EquatableArray<string>.Empty;
        }

        if (values.ValueKind != JsonValueKind.Array)
        {
            _source.Report(DiagnosticDescriptors.InvalidSchemaKeyword, path.Prop("enum"), "enum", _owner, "an array");
            return EquatableArray<string>.Empty;
        }

        // Only all-string enums become open enums; numbers or mixed values keep the declared type.
        if (!values.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
        {
            return EquatableArray<string>.Empty;
        }

        return values.EnumerateArray().Select(v => v.GetString()!).Distinct(StringComparer.Ordinal).ToEquatableArray();
    }

    private SchemaNode ReadObject(JsonElement element, JsonPath path, int depth, string? description, bool nullable)
    {
        var properties = new List<PropertyNode>();
        if (element.TryGetProperty("properties", out var props))
        {
            if (props.ValueKind == JsonValueKind.Object)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var prop in props.EnumerateObject())
                {
                    if (seen.Add(prop.Name))
                    {
                        properties.Add(new PropertyNode(prop.Name, Read(prop.Value, path.Prop("properties").Prop(prop.Name), depth + 1)));
                    }
                }
            }
            else
            {
                _source.Report(DiagnosticDescriptors.InvalidSchemaKeyword, path.Prop("properties"), "properties", _owner, "an object");
            }
        }

        var required = EquatableArray<string>.Empty;
        if (element.TryGetProperty("required", out var req))
        {
            if (req.ValueKind == JsonValueKind.Array && req.EnumerateArray().All(r => r.ValueKind == JsonValueKind.String))
            {
                required = req.EnumerateArray().Select(r => r.GetString()!).Distinct(StringComparer.Ordinal).ToEquatableArray();
            }
            else
            {
                _source.Report(DiagnosticDescriptors.InvalidRequired, path.Prop("required"), _owner, Describe(req));
            }
        }

        SchemaNode? additional = null;
        if (element.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.Object)
        {
            additional = Read(extra, path.Prop("additionalProperties"), depth + 1);
        }

        return SchemaNode.Of(SchemaKind.Object, description) with
        {
            Nullable = nullable,
            Properties = properties.ToEquatableArray(),
            Required = required,
            AdditionalProperties = additional,
        };
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };
}
