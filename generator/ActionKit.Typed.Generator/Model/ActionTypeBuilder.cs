using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActionKit.Typed.Generator.Naming;

namespace ActionKit.Typed.Generator.Model;

/// <summary>
/// Turns one action's parameter and result schemas into named types. Nested types are named after their owner and
/// property (HubspotGetRecordsAnyPaginationParameters), definitions after the action (AsanaGetProjectsProject);
/// every name comes from the namespace-wide <see cref="NameScope"/>, so names are unique and stable.
/// </summary>
internal sealed class ActionTypeBuilder
{
    private static readonly SchemaNode AnyItem = SchemaNode.Of(SchemaKind.Any);

    // Where pagination parameters keep the position, by style, in the order they are looked for.
    private static readonly (string Style, string[] Positions)[] PaginationStyles =
    {
        ("cursor", new[] { "pageCursor", "pageToken", "cursor" }),
        ("offset", new[] { "offset", "skip" }),
        ("pageNumber", new[] { "page", "pageNo", "pageNumber", "pageOffset" }),
    };

    private readonly NameScope _types;
    private readonly string _baseName;
    private readonly List<TypeSpec> _specs = new();

    // A type's member names are all handed out before any of its property types is resolved, so one scope serves
    // every record and enum in turn; kept per thread, it is reset instead of grown from empty for every action.
    [ThreadStatic]
    private static NameScope? t_members;

    private readonly NameScope _members;

    private ActionTypeBuilder(NameScope types, string baseName)
    {
        _types = types;
        _baseName = baseName;
        _members = t_members ??= new NameScope();
    }

    public static ActionSpec Build(NameScope types, string memberName, ActionSchema action, ActionAnnotation? annotation)
    {
        var baseName = Identifier.ToPascal(action.WireName, "Action");
        var builder = new ActionTypeBuilder(types, baseName);
        var requestName = types.Allocate(baseName + "Request");
        var binary = annotation?.ResultKind == "binary";
        var resultName = !binary && annotation?.Result is { Root.Kind: SchemaKind.Object } ? types.Allocate(baseName + "Result") : null;

        // The request first: its record is the action's anchor and is always generated, even without parameters.
        var request = new Scope(builder, action.Parameters, isRequest: true);
        var resultRef = binary ? TypeRef.Stream : TypeRef.Untyped;
        if (!binary && annotation?.Result is { } resultDoc)
        {
            var result = new Scope(builder, resultDoc, isRequest: false);
            resultRef = resultName is not null
                ? result.DeclareRecord(resultName, resultName, resultDoc.Root)
                : result.Resolve(resultDoc.Root, baseName, "Result");
        }

        // Nested request types read better without the Request suffix: SlackSendMessageBlocksItem.
        request.DeclareRecord(requestName, baseName, action.Parameters.Root, resultRef);
        return new ActionSpec(
            action.WireName,
            memberName,
            action.Description,
            requestName,
            resultRef,
            binary,
            annotation?.Safety is { } safety ? safety == "read" : ActionNames.LooksReadOnly(action.WireName),
            builder.Pagination(action, annotation, resultRef),
            action.ParametersJson,
            action.SchemaHash,
            builder._specs.ToEquatableArray());
    }

    private PaginationSpec? Pagination(ActionSchema action, ActionAnnotation? annotation, TypeRef result)
    {
        var detected = DetectPagination(action.Parameters.Root);
        var stated = annotation?.Pagination;
        var style = stated?.Style ?? detected.Style;
        if (style is null or "none")
        {
            return null;
        }

        var position = stated?.Position ?? (stated?.Style is null || stated.Style == detected.Style ? detected.Position : null) ?? DefaultPosition(style);
        return new PaginationSpec(style, position, stated?.Limit ?? detected.Limit, stated?.Items, stated?.NextCursor, ItemType(result, stated?.Items));
    }

    private static (string? Style, string? Position, string? Limit) DetectPagination(SchemaNode parameters)
    {
        var page = FindProperty(parameters, "paginationParameters")?.Schema;
        if (page is null || page.Kind != SchemaKind.Object)
        {
            return (null, null, null);
        }

        var limit = FindProperty(page, "limit") is not null ? "limit" : null;
        foreach (var (style, positions) in PaginationStyles)
        {
            foreach (var position in positions)
            {
                if (FindProperty(page, position) is not null)
                {
                    return (style, position, limit);
                }
            }
        }

        return (null, null, null);
    }

    private static PropertyNode? FindProperty(SchemaNode node, string wireName)
    {
        foreach (var property in node.Properties)
        {
            if (property.WireName == wireName)
            {
                return property;
            }
        }

        return null;
    }

    private TypeSpec? FindRecord(string name)
    {
        foreach (var spec in _specs)
        {
            if (spec.Kind == TypeSpecKind.Record && spec.Name == name)
            {
                return spec;
            }
        }

        return null;
    }

    private static string DefaultPosition(string style) => style switch
    {
        "offset" => "offset",
        "pageNumber" => "page",
        _ => "pageCursor",
    };

    /// <summary>Follows the items pointer through the typed result; anything it cannot follow pages as JsonElement.</summary>
    private TypeRef ItemType(TypeRef result, string? pointer)
    {
        if (pointer is null)
        {
            return TypeRef.Json;
        }

        var current = result;
        foreach (var segment in pointer.Split('/').Skip(1).Select(s => s.Replace("~1", "/").Replace("~0", "~")))
        {
            if (current.Kind != TypeRefKind.Record || FindRecord(current.Name!) is not { } record)
            {
                return TypeRef.Json;
            }

            var property = record.Properties.FirstOrDefault(p => p.WireName == segment);
            if (property is null)
            {
                return TypeRef.Json;
            }

            current = property.Type;
        }

        return current.Kind == TypeRefKind.List ? current.Element! : TypeRef.Json;
    }

    /// <summary>One schema document (request parameters or result) with its definitions.</summary>
    private sealed class Scope
    {
        private readonly ActionTypeBuilder _owner;
        private readonly SchemaDocument _document;
        private readonly bool _isRequest;
        private readonly Dictionary<string, TypeRef> _definitions = new();
        private readonly HashSet<string> _resolving = new();

        public Scope(ActionTypeBuilder owner, SchemaDocument document, bool isRequest)
        {
            _owner = owner;
            _document = document;
            _isRequest = isRequest;
        }

        public TypeRef DeclareRecord(string name, string nestedPrefix, SchemaNode node, TypeRef? requestResult = null)
        {
            var properties = node.Properties;
            var pascal = new string[properties.Count];
            for (var i = 0; i < pascal.Length; i++)
            {
                pascal[i] = Identifier.ToPascal(properties[i].WireName, "Property");
            }

            // Exact matches keep the plain name (PageSize beats page_size); the rest follow in schema order.
            var members = _owner._members.Reset(NameScope.RecordMembers, name);
            var names = new string[pascal.Length];
            for (var i = 0; i < names.Length; i++)
            {
                if (pascal[i] == properties[i].WireName)
                {
                    names[i] = members.Allocate(pascal[i]);
                }
            }

            for (var i = 0; i < names.Length; i++)
            {
                names[i] ??= members.Allocate(pascal[i]);
            }

            var specs = ImmutableArray.CreateBuilder<PropertySpec>(properties.Count);
            var required = node.Required.AsImmutableArray();
            for (var i = 0; i < names.Length; i++)
            {
                var property = properties[i];
                var type = Resolve(property.Schema, nestedPrefix, pascal[i]);
                specs.Add(new PropertySpec(property.WireName, names[i], type, _isRequest && required.Contains(property.WireName), property.Schema.Description));
            }

            var spec = new TypeSpec(TypeSpecKind.Record, name, node.Description, new(specs.MoveToImmutable()), EquatableArray<EnumMemberSpec>.Empty, requestResult);
            _owner._specs.Add(spec);
            return new TypeRef(TypeRefKind.Record, name);
        }

        /// <summary>The type of <paramref name="node"/>; a type it declares is named prefix + suffix, a string built only then.</summary>
        public TypeRef Resolve(SchemaNode node, string prefix, string suffix)
        {
            switch (node.Kind)
            {
                case SchemaKind.String when node.EnumValues.Count > 0:
                    return DeclareEnum(_owner._types.Allocate(prefix + suffix), node);
                case SchemaKind.String:
                    return TypeRef.String;
                case SchemaKind.Number:
                    return TypeRef.Double;
                case SchemaKind.Integer:
                    return TypeRef.Long;
                case SchemaKind.Boolean:
                    return TypeRef.Boolean;
                case SchemaKind.Object when node.Properties.Count > 0:
                    var recordName = _owner._types.Allocate(prefix + suffix);
                    return DeclareRecord(recordName, recordName, node);
                case SchemaKind.Object when node.AdditionalProperties is { } values:
                    return new TypeRef(TypeRefKind.Map, Element: Resolve(values, prefix, suffix + "Value"));
                case SchemaKind.Array:
                    return new TypeRef(TypeRefKind.List, Element: Resolve(node.Items ?? AnyItem, prefix, suffix + "Item"));
                case SchemaKind.Ref:
                    return ResolveDefinition(node.RefName!);
                default:
                    return TypeRef.Json;
            }
        }

        private TypeRef ResolveDefinition(string name)
        {
            if (_definitions.TryGetValue(name, out var known))
            {
                return known;
            }

            var definition = _document.Definitions.First(d => d.Name == name).Schema;
            var pascal = Identifier.ToPascal(name, "Definition");
            if (definition.Kind == SchemaKind.Object && definition.Properties.Count > 0)
            {
                // Register before declaring so recursive references resolve to the same record.
                var allocated = _owner._types.Allocate(_owner._baseName + pascal);
                var reference = new TypeRef(TypeRefKind.Record, allocated);
                _definitions[name] = reference;
                DeclareRecord(allocated, allocated, definition);
                return reference;
            }

            if (!_resolving.Add(name))
            {
                return TypeRef.Json;
            }

            var resolved = Resolve(definition, _owner._baseName, pascal);
            _resolving.Remove(name);
            _definitions[name] = resolved;
            return resolved;
        }

        private TypeRef DeclareEnum(string name, SchemaNode node)
        {
            var values = node.EnumValues;
            var pascal = new string[values.Count];
            for (var i = 0; i < pascal.Length; i++)
            {
                pascal[i] = Identifier.ToPascal(values[i], values[i].Length == 0 ? "Empty" : "Value");
            }

            // As for properties: exact matches keep the plain name, the rest follow in schema order.
            var members = _owner._members.Reset(NameScope.EnumMembers, name);
            var names = new string[pascal.Length];
            for (var i = 0; i < names.Length; i++)
            {
                if (pascal[i] == values[i])
                {
                    names[i] = members.Allocate(pascal[i]);
                }
            }

            var specs = ImmutableArray.CreateBuilder<EnumMemberSpec>(values.Count);
            for (var i = 0; i < names.Length; i++)
            {
                specs.Add(new EnumMemberSpec(names[i] ?? members.Allocate(pascal[i]), values[i]));
            }

            _owner._specs.Add(new TypeSpec(TypeSpecKind.Enum, name, node.Description, EquatableArray<PropertySpec>.Empty, new(specs.MoveToImmutable()), null));
            return new TypeRef(TypeRefKind.Enum, name);
        }
    }
}
