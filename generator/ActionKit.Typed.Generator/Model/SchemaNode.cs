namespace ActionKit.Typed.Generator.Model;

/// <summary>The JSON types the generator distinguishes.</summary>
internal enum SchemaKind
{
    /// <summary>Free-form, a union, or an unknown type: generated as <c>JsonElement</c>.</summary>
    Any,
    String,
    Number,
    Integer,
    Boolean,
    Object,
    Array,
    /// <summary>A local <c>$ref</c> to a definition of the same document.</summary>
    Ref,
}

/// <summary>
/// One JSON Schema, reduced to what code generation needs. Wire names and document order are kept;
/// formatting and positions are not, so an equivalent reformatted schema yields an equal node.
/// </summary>
internal sealed record SchemaNode(
    SchemaKind Kind,
    string? Description,
    bool Nullable,
    EquatableArray<PropertyNode> Properties,
    EquatableArray<string> Required,
    SchemaNode? Items,
    SchemaNode? AdditionalProperties,
    EquatableArray<string> EnumValues,
    string? RefName)
{
    // Nodes are immutable and compared by value, so the plain node of each kind is shared rather than made per use.
    private static readonly SchemaNode[] Plain = CreatePlain();

    public static readonly SchemaNode EmptyObject = Of(SchemaKind.Object);

    public static SchemaNode Of(SchemaKind kind, string? description = null) =>
        description is null ? Plain[(int)kind] : Create(kind, description, nullable: false);

    public static SchemaNode Create(
        SchemaKind kind,
        string? description,
        bool nullable,
        EquatableArray<PropertyNode> properties = default,
        EquatableArray<string> required = default,
        SchemaNode? items = null,
        SchemaNode? additionalProperties = null,
        EquatableArray<string> enumValues = default,
        string? refName = null) =>
        new(kind, description, nullable, Empty(properties), Empty(required), items, additionalProperties, Empty(enumValues), refName);

    // A default array reads as empty but is stored as the shared empty one, as every node had it before.
    private static EquatableArray<T> Empty<T>(EquatableArray<T> items)
        where T : System.IEquatable<T> => items.Count == 0 ? EquatableArray<T>.Empty : items;

    private static SchemaNode[] CreatePlain()
    {
        var plain = new SchemaNode[(int)SchemaKind.Ref + 1];
        for (var kind = 0; kind < plain.Length; kind++)
        {
            plain[kind] = new((SchemaKind)kind, null, false, EquatableArray<PropertyNode>.Empty, EquatableArray<string>.Empty, null, null, EquatableArray<string>.Empty, null);
        }

        return plain;
    }
}

/// <summary>A property of an object schema under its exact wire name.</summary>
internal sealed record PropertyNode(string WireName, SchemaNode Schema);

/// <summary>A named definition (<c>#/definitions/X</c> or <c>#/$defs/X</c>).</summary>
internal sealed record DefinitionNode(string Name, SchemaNode Schema);

/// <summary>A root schema with the definitions its <c>$ref</c>s point to.</summary>
internal sealed record SchemaDocument(SchemaNode Root, EquatableArray<DefinitionNode> Definitions);
