namespace ActionKit.Typed.Generator.Model;

/// <summary>One action with its generated types.</summary>
internal sealed record ActionSpec(
    string WireName,
    string MemberName,
    string Description,
    string RequestType,
    TypeRef Result,
    bool BinaryResult,
    bool ReadOnly,
    PaginationSpec? Pagination,
    string ParametersJson,
    string SchemaHash,
    EquatableArray<TypeSpec> Types);

/// <summary>How a paginated action pages and the type of its items.</summary>
internal sealed record PaginationSpec(string Style, string Position, string? Limit, string? Items, string? NextCursor, TypeRef ItemType);

/// <summary>Records or open enums to declare.</summary>
internal enum TypeSpecKind
{
    Record,
    Enum,
}

/// <summary>A generated type: a record with properties, or an open string enum with known values; a request record names its result.</summary>
internal sealed record TypeSpec(
    TypeSpecKind Kind,
    string Name,
    string? Description,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<EnumMemberSpec> Members,
    TypeRef? RequestResult);

/// <summary>A record property: its C# name and type, and the exact wire name it reads and writes.</summary>
internal sealed record PropertySpec(string WireName, string Name, TypeRef Type, bool Required, string? Description);

/// <summary>A known value of an open enum.</summary>
internal sealed record EnumMemberSpec(string Name, string Value);

/// <summary>The shapes a C# member type takes.</summary>
internal enum TypeRefKind
{
    String,
    Double,
    Long,
    Boolean,
    Json,
    Record,
    Enum,
    List,
    Map,
    Untyped,
    Stream,
}

/// <summary>A member type; <see cref="Name"/> is a generated type's simple name, <see cref="Element"/> a list item or map value.</summary>
internal sealed record TypeRef(TypeRefKind Kind, string? Name = null, TypeRef? Element = null)
{
    public static readonly TypeRef String = new(TypeRefKind.String);
    public static readonly TypeRef Double = new(TypeRefKind.Double);
    public static readonly TypeRef Long = new(TypeRefKind.Long);
    public static readonly TypeRef Boolean = new(TypeRefKind.Boolean);
    public static readonly TypeRef Json = new(TypeRefKind.Json);
    public static readonly TypeRef Untyped = new(TypeRefKind.Untyped);
    public static readonly TypeRef Stream = new(TypeRefKind.Stream);

    public bool IsValueType => Kind is TypeRefKind.Double or TypeRefKind.Long or TypeRefKind.Boolean or TypeRefKind.Json or TypeRefKind.Enum;
}

/// <summary>The collected catalog: every action's integration class and member, for <c>ActionKitCatalog.All</c>, and every generated type, for <c>ActionKitJson</c>.</summary>
internal sealed record CatalogIndexSpec(string Namespace, EquatableArray<CatalogEntry> Entries, EquatableArray<string> Types);

/// <summary>Where one action's descriptor lives: <c>ActionKitCatalog.{ClassName}.{MemberName}</c>.</summary>
internal sealed record CatalogEntry(string ClassName, string MemberName);
