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
    public static SchemaNode Of(SchemaKind kind, string? description = null) =>
        new(kind, description, false, EquatableArray<PropertyNode>.Empty, EquatableArray<string>.Empty, null, null, EquatableArray<string>.Empty, null);

    public static readonly SchemaNode EmptyObject = Of(SchemaKind.Object);
}

/// <summary>A property of an object schema under its exact wire name.</summary>
internal sealed record PropertyNode(string WireName, SchemaNode Schema);

/// <summary>A named definition (<c>#/definitions/X</c> or <c>#/$defs/X</c>).</summary>
internal sealed record DefinitionNode(string Name, SchemaNode Schema);

/// <summary>A root schema with the definitions its <c>$ref</c>s point to.</summary>
internal sealed record SchemaDocument(SchemaNode Root, EquatableArray<DefinitionNode> Definitions);
