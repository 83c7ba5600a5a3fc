namespace ActionKit.Typed.Generator;

/// <summary>Names of the pipeline steps, so tests can assert what was cached.</summary>
internal static class TrackingNames
{
    /// <summary>The additional files that are ActionKit's.</summary>
    public const string Inputs = nameof(Inputs);

    /// <summary>Per file: a schema file cut into tools, an annotation file read.</summary>
    public const string Parse = nameof(Parse);

    public const string Settings = nameof(Settings);

    /// <summary>Every tool of every schema file, one item each.</summary>
    public const string Tools = nameof(Tools);

    /// <summary>Per tool: the action read from it.</summary>
    public const string Actions = nameof(Actions);

    /// <summary>All annotations, by wire name.</summary>
    public const string Annotations = nameof(Annotations);

    /// <summary>Per action: the action with its annotation.</summary>
    public const string Annotate = nameof(Annotate);

    /// <summary>Per action: its types, named on their own.</summary>
    public const string Typing = nameof(Typing);

    /// <summary>Per action: the names the plan needs of it.</summary>
    public const string Names = nameof(Names);

    /// <summary>The one global step, over names: integration classes, members, type-name collisions, duplicates.</summary>
    public const string Plan = nameof(Plan);

    /// <summary>The actions whose type names were taken first, typed again.</summary>
    public const string Retype = nameof(Retype);

    /// <summary>The plan with the re-typed actions in place.</summary>
    public const string Catalog = nameof(Catalog);

    /// <summary>The plan's per-action part.</summary>
    public const string Slices = nameof(Slices);

    /// <summary>Per action: the action with its own slice of the plan.</summary>
    public const string Place = nameof(Place);

    /// <summary>Per action: its generated code.</summary>
    public const string Emit = nameof(Emit);

    /// <summary>Per generated integration file: its actions' code.</summary>
    public const string Files = nameof(Files);

    /// <summary>The catalog index (ActionKitCatalog.All, ActionKitJson).</summary>
    public const string Index = nameof(Index);

    /// <summary>Every diagnostic of the tools and of the plan, placed in its file.</summary>
    public const string Diagnostics = nameof(Diagnostics);
}
