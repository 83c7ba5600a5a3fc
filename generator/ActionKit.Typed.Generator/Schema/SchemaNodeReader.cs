using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using ActionKit.Typed.Generator.Diagnostics;
using ActionKit.Typed.Generator.Model;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>
/// Reads a JSON Schema into a <see cref="SchemaDocument"/>. Tolerant by design: ActionKit promises only standard
/// JSON Schema, so anything unknown (unions, tuple arrays, boolean schemas) becomes a free-form value instead of an error.
/// </summary>
/// <remarks>
/// Every action's schema passes through here, so keywords are looked up by their UTF-8 bytes and type names compared
/// without decoding them, lists are built at their final size, and the names, descriptions, enum values and simple
/// schemas that repeat across actions are kept once (<see cref="StringCache"/>, <see cref="ValueCache{T}"/>).
/// </remarks>
internal sealed class SchemaNodeReader
{
    private const int MaxDepth = 64;

    private static readonly string[] DefinitionKeywords = { "definitions", "$defs" };
    private static readonly string[] ReferencePrefixes = { "#/definitions/", "#/$defs/" };

    // Scratch space of this thread, reused by every document and every object in it: the names already seen in one
    // list (never held across a recursive read), and a stack of the properties of the objects being read, each object
    // reading its own range.
    [ThreadStatic]
    private static HashSet<string>? t_seen;
    [ThreadStatic]
    private static List<(string Name, JsonElement Value)>? t_pending;

    private readonly SchemaSource _source;
    private readonly string _owner;
    private readonly HashSet<string> _seen;
    private readonly List<(string Name, JsonElement Value)> _pending;
    private HashSet<string>? _definitions;

    public SchemaNodeReader(SchemaSource source, string owner)
    {
        _source = source;
        _owner = owner;
        _seen = t_seen ??= new HashSet<string>(StringComparer.Ordinal);
        _pending = t_pending ??= new List<(string Name, JsonElement Value)>();
    }

    public SchemaDocument ReadDocument(JsonElement root, JsonPath path)
    {
        _pending.Clear();
        try
        {
            return ReadRootAndDefinitions(root, path);
        }
        finally
        {
            // Elements refer to their document: none is kept past its reading.
            _pending.Clear();
            _seen.Clear();
        }
    }

    private SchemaDocument ReadRootAndDefinitions(JsonElement root, JsonPath path)
    {
        List<(string Name, JsonElement Schema, JsonPath Path)>? definitions = null;
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var keyword in DefinitionKeywords)
            {
                if (root.TryGetProperty(keyword, out var defs) && defs.ValueKind == JsonValueKind.Object)
                {
                    foreach (var def in defs.EnumerateObject())
                    {
                        if ((_definitions ??= new HashSet<string>(StringComparer.Ordinal)).Add(def.Name))
                        {
                            (definitions ??= new()).Add((def.Name, def.Value, path.Prop(keyword).Prop(def.Name)));
                        }
                    }
                }
            }
        }

        var node = Read(root, path, 0);
        if (definitions is null)
        {
            return new SchemaDocument(node, EquatableArray<DefinitionNode>.Empty);
        }

        var nodes = ImmutableArray.CreateBuilder<DefinitionNode>(definitions.Count);
        foreach (var (name, schema, definitionPath) in definitions)
        {
            nodes.Add(new DefinitionNode(name, Read(schema, definitionPath, 1)));
        }

        return new SchemaDocument(node, new EquatableArray<DefinitionNode>(nodes.MoveToImmutable()));
    }

    /// <summary>A schema; a small one without child schemas is shared with the equal ones read before (see <see cref="ValueCache{T}"/>).</summary>
    private SchemaNode Read(JsonElement element, JsonPath path, int depth)
    {
        var node = ReadNode(element, path, depth);
        return IsShareable(node) ? ValueCache<SchemaNode>.Share(node) : node;
    }

    // Hashing and comparing a leaf costs little, where a node with children would be hashed again at every level above
    // it; and a small one is all the cache keeps alive between builds.
    private static bool IsShareable(SchemaNode node) =>
        node.Properties.Count == 0 && node.Items is null && node.AdditionalProperties is null
        && node.EnumValues.Count <= 32 && (node.Description?.Length ?? 0) <= 256;

    private SchemaNode ReadNode(JsonElement element, JsonPath path, int depth)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                _source.Report(DiagnosticDescriptors.InvalidSchemaKeyword, path, path.Property ?? "schema", _owner, "a schema object");
            }

            return SchemaNode.Of(SchemaKind.Any);
        }

        var description = element.TryGetProperty("description"u8, out var d) && d.ValueKind == JsonValueKind.String ? StringCache.Share(d.GetString()!) : null;
        if (depth > MaxDepth)
        {
            return SchemaNode.Of(SchemaKind.Any, description);
        }

        if (element.TryGetProperty("$ref"u8, out var reference))
        {
            return ReadReference(reference, path.Prop("$ref"), description);
        }

        if (ReadComposition(element, path, depth) is { } composed)
        {
            return composed.Description is null && description is not null ? composed with { Description = description } : composed;
        }

        var (kind, nullable) = ReadType(element, path);
        var enumValues = ReadEnum(element, path);
        switch (kind)
        {
            case SchemaKind.Object:
                return ReadObject(element, path, depth, description, nullable);

            case SchemaKind.Array:
                var items = element.TryGetProperty("items"u8, out var i) && i.ValueKind == JsonValueKind.Object
                    ? Read(i, path.Prop("items"), depth + 1)
                    : SchemaNode.Of(SchemaKind.Any);
                return SchemaNode.Create(SchemaKind.Array, description, nullable, items: items);

            case SchemaKind.String:
                return SchemaNode.Create(SchemaKind.String, description, nullable, enumValues: enumValues);

            default:
                return SchemaNode.Create(kind, description, nullable);
        }
    }

    private SchemaNode ReadReference(JsonElement reference, JsonPath path, string? description)
    {
        var target = reference.ValueKind == JsonValueKind.String ? reference.GetString() ?? string.Empty : string.Empty;
        foreach (var prefix in ReferencePrefixes)
        {
            if (target.StartsWith(prefix, StringComparison.Ordinal))
            {
                var name = Uri.UnescapeDataString(target.Substring(prefix.Length)).Replace("~1", "/").Replace("~0", "~");
                if (_definitions?.Contains(name) == true)
                {
                    return SchemaNode.Create(SchemaKind.Ref, description, nullable: false, refName: name);
                }
            }
        }

        _source.Report(DiagnosticDescriptors.UnresolvableReference, path, target, _owner);
        return SchemaNode.Of(SchemaKind.Any, description);
    }

    /// <summary>anyOf/oneOf/allOf: a single branch (optionally with null) is that branch; anything else is free-form.</summary>
    private SchemaNode? ReadComposition(JsonElement element, JsonPath path, int depth)
    {
        if (CompositionOf(element) is not ({ } keyword, var branches))
        {
            return null;
        }

        if (branches.ValueKind != JsonValueKind.Array)
        {
            _source.Report(DiagnosticDescriptors.InvalidSchemaKeyword, path.Prop(keyword), keyword, _owner, "an array of schemas");
            return SchemaNode.Of(SchemaKind.Any);
        }

        var count = 0;
        var nonNull = 0;
        var branchIndex = -1;
        var branch = default(JsonElement);
        foreach (var candidate in branches.EnumerateArray())
        {
            if (!IsNullSchema(candidate) && nonNull++ == 0)
            {
                branch = candidate;
                branchIndex = count;
            }

            count++;
        }

        if (nonNull == 1)
        {
            var node = Read(branch, path.Prop(keyword).At(branchIndex), depth + 1);
            return count > 1 ? node with { Nullable = true } : node;
        }

        return SchemaNode.Of(SchemaKind.Any);
    }

    private static (string? Keyword, JsonElement Branches) CompositionOf(JsonElement element) =>
        element.TryGetProperty("anyOf"u8, out var branches) ? ("anyOf", branches)
        : element.TryGetProperty("oneOf"u8, out branches) ? ("oneOf", branches)
        : element.TryGetProperty("allOf"u8, out branches) ? ("allOf", branches)
        : (null, default);

    private static bool IsNullSchema(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type"u8, out var type)
        && type.ValueKind == JsonValueKind.String && type.ValueEquals("null"u8);

    private (SchemaKind Kind, bool Nullable) ReadType(JsonElement element, JsonPath path)
    {
        if (!element.TryGetProperty("type"u8, out var type))
        {
            if (element.TryGetProperty("properties"u8, out _))
            {
                return (SchemaKind.Object, false);
            }

            if (element.TryGetProperty("items"u8, out _))
            {
                return (SchemaKind.Array, false);
            }

            return element.TryGetProperty("enum"u8, out var values) && values.ValueKind == JsonValueKind.Array
                && values.GetArrayLength() > 0 && AllStrings(values)
                ? (SchemaKind.String, false)
                : (SchemaKind.Any, false);
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return (KindOf(type), false);
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            // One type besides "null" is that type. Distinct names of a known kind have distinct kinds, so "one
            // distinct name" is "every name of the same kind", with unknown names all free-form anyway.
            var nullable = false;
            SchemaKind? only = null;
            var mixed = false;
            foreach (var name in type.EnumerateArray())
            {
                if (name.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                if (name.ValueEquals("null"u8))
                {
                    nullable = true;
                    continue;
                }

                var kind = KindOf(name);
                mixed |= only is { } seen && seen != kind;
                only ??= kind;
            }

            return (only is { } single && !mixed ? single : SchemaKind.Any, nullable);
        }

        _source.Report(DiagnosticDescriptors.InvalidSchemaKeyword, path.Prop("type"), "type", _owner, "a string or an array of strings");
        return (SchemaKind.Any, false);
    }

    private static SchemaKind KindOf(JsonElement type) =>
        type.ValueEquals("string"u8) ? SchemaKind.String
        : type.ValueEquals("object"u8) ? SchemaKind.Object
        : type.ValueEquals("integer"u8) ? SchemaKind.Integer
        : type.ValueEquals("number"u8) ? SchemaKind.Number
        : type.ValueEquals("boolean"u8) ? SchemaKind.Boolean
        : type.ValueEquals("array"u8) ? SchemaKind.Array
        : SchemaKind.Any;

    private static bool AllStrings(JsonElement array)
    {
        foreach (var value in array.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return false;
            }
        }

        return true;
    }

    private EquatableArray<string> ReadEnum(JsonElement element, JsonPath path)
    {
        if (!element.TryGetProperty("enum"u8, out var values))
        {
            return EquatableArray<string>.Empty;
        }

        if (values.ValueKind != JsonValueKind.Array)
        {
            _source.Report(DiagnosticDescriptors.InvalidSchemaKeyword, path.Prop("enum"), "enum", _owner, "an array");
            return EquatableArray<string>.Empty;
        }

        // Only all-string enums become open enums; numbers or mixed values keep the declared type.
        return AllStrings(values) ? DistinctStrings(values) : EquatableArray<string>.Empty;
    }

    /// <summary>The strings of an array of strings, each once, in the order they first appear.</summary>
    private EquatableArray<string> DistinctStrings(JsonElement array)
    {
        var length = array.GetArrayLength();
        if (length == 0)
        {
            return EquatableArray<string>.Empty;
        }

        var distinct = ImmutableArray.CreateBuilder<string>(length);
        _seen.Clear();
        foreach (var value in array.EnumerateArray())
        {
            var text = StringCache.Share(value.GetString()!);
            if (_seen.Add(text))
            {
                distinct.Add(text);
            }
        }

        return new EquatableArray<string>(distinct.Count == length ? distinct.MoveToImmutable() : distinct.ToImmutable());
    }

    private SchemaNode ReadObject(JsonElement element, JsonPath path, int depth, string? description, bool nullable)
    {
        var properties = EquatableArray<PropertyNode>.Empty;
        if (element.TryGetProperty("properties"u8, out var props))
        {
            if (props.ValueKind == JsonValueKind.Object)
            {
                properties = ReadProperties(props, path.Prop("properties"), depth);
            }
            else
            {
                _source.Report(DiagnosticDescriptors.InvalidSchemaKeyword, path.Prop("properties"), "properties", _owner, "an object");
            }
        }

        var required = EquatableArray<string>.Empty;
        if (element.TryGetProperty("required"u8, out var req))
        {
            if (req.ValueKind == JsonValueKind.Array && AllStrings(req))
            {
                required = DistinctStrings(req);
            }
            else
            {
                _source.Report(DiagnosticDescriptors.InvalidRequired, path.Prop("required"), _owner, Describe(req));
            }
        }

        SchemaNode? additional = null;
        if (element.TryGetProperty("additionalProperties"u8, out var extra) && extra.ValueKind == JsonValueKind.Object)
        {
            additional = Read(extra, path.Prop("additionalProperties"), depth + 1);
        }

        return SchemaNode.Create(SchemaKind.Object, description, nullable, properties, required, additionalProperties: additional);
    }

    /// <summary>Each property under its first name (later repeats are dropped), read in document order.</summary>
    private EquatableArray<PropertyNode> ReadProperties(JsonElement props, JsonPath path, int depth)
    {
        // The names are gathered before any property is read: reading one may push the properties of its own objects.
        var start = _pending.Count;
        _seen.Clear();
        foreach (var prop in props.EnumerateObject())
        {
            var name = StringCache.Share(prop.Name);
            if (_seen.Add(name))
            {
                _pending.Add((name, prop.Value));
            }
        }

        var count = _pending.Count - start;
        if (count == 0)
        {
            return EquatableArray<PropertyNode>.Empty;
        }

        var properties = ImmutableArray.CreateBuilder<PropertyNode>(count);
        for (var i = start; i < start + count; i++)
        {
            var (name, value) = _pending[i];
            var schema = Read(value, path.Prop(name), depth + 1);
            properties.Add(IsShareable(schema) ? ValueCache<PropertyNode>.Share(new PropertyNode(name, schema)) : new PropertyNode(name, schema));
        }

        _pending.RemoveRange(start, count);
        return new EquatableArray<PropertyNode>(properties.MoveToImmutable());
    }

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
