using ActionKit.Typed.Generator.Diagnostics;

namespace ActionKit.Typed.Generator.Model;

/// <summary>Whether an input file holds schemas or annotations.</summary>
internal enum SchemaFileKind
{
    Schema,
    Annotation,
}

/// <summary>What one input file contributes: actions or annotations, and the diagnostics found while reading it.</summary>
internal sealed record SchemaFileModel(
    string Path,
    SchemaFileKind Kind,
    EquatableArray<ActionSchema> Actions,
    EquatableArray<ActionAnnotation> Annotations,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One action as a schema file states it.</summary>
internal sealed record ActionSchema(
    string WireName,
    string Integration,
    string Description,
    SchemaDocument Parameters,
    string ParametersJson,
    string SchemaHash)
{
    /// <summary>Where the action's name is, for diagnostics that involve other files; kept out of equality on purpose.</summary>
    public LocationInfo? NameLocation { get; init; }

    public string SourcePath { get; init; } = string.Empty;

    public bool Equals(ActionSchema? other) =>
        other is not null && WireName == other.WireName && Integration == other.Integration && Description == other.Description
        && Parameters.Equals(other.Parameters) && ParametersJson == other.ParametersJson && SchemaHash == other.SchemaHash
        && SourcePath == other.SourcePath;

    public override int GetHashCode() => (WireName, Integration, SchemaHash).GetHashCode();
}

/// <summary>What an annotation file adds to one action.</summary>
internal sealed record ActionAnnotation(
    string WireName,
    string? Safety,
    SchemaDocument? Result,
    string? ResultKind,
    PaginationAnnotation? Pagination)
{
    public LocationInfo? NameLocation { get; init; }

    public bool Equals(ActionAnnotation? other) =>
        other is not null && WireName == other.WireName && Safety == other.Safety && Equals(Result, other.Result)
        && ResultKind == other.ResultKind && Equals(Pagination, other.Pagination);

    public override int GetHashCode() => WireName.GetHashCode();
}

/// <summary>Pagination details an annotation states or overrides.</summary>
internal sealed record PaginationAnnotation(string? Style, string? Position, string? Limit, string? Items, string? NextCursor);
