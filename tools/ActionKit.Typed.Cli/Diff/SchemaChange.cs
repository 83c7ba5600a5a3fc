namespace ActionKit.Typed.Cli.Diff;

/// <summary>What kind of change a diff found.</summary>
internal enum ChangeKind
{
    ActionAdded,
    ActionRemoved,
    ActionMoved,
    ActionDescriptionChanged,
    ParameterAdded,
    RequiredParameterAdded,
    ParameterRemoved,
    TypeChanged,
    BecameRequired,
    BecameOptional,
    EnumValueAdded,
    EnumValueRemoved,
    EnumRestrictionAdded,
    EnumRestrictionRemoved,
    DescriptionChanged,
    SchemaChanged,
}

/// <summary>One difference between two schema sets. <see cref="Parameter"/> is a dotted path (<c>paginationParameters.pageCursor</c>, <c>items[]</c>).</summary>
internal sealed record SchemaChange(ChangeKind Kind, string Action, string Integration, string? Parameter, bool Breaking, string Message, string? Old = null, string? New = null)
{
    /// <summary>Only text meant for people changed: shown with --verbose.</summary>
    public bool IsDescriptionOnly => Kind is ChangeKind.DescriptionChanged or ChangeKind.ActionDescriptionChanged;
}
