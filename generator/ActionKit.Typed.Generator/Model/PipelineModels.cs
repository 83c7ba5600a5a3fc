using System;
using System.Collections.Generic;
using ActionKit.Typed.Generator.Diagnostics;

namespace ActionKit.Typed.Generator.Model;

/// <summary>
/// One input file cut into its tools. A schema file's tools are position-independent items (the tool's own JSON text),
/// so an edit of one tool leaves every other tool's item equal; where each tool starts is kept apart in
/// <see cref="Anchors"/> and used only to place diagnostics. An annotation file is read whole.
/// </summary>
internal sealed record SchemaFileSplit(
    string Path,
    SchemaFileKind Kind,
    EquatableArray<ToolItem> Tools,
    EquatableArray<ToolAnchor> Anchors,
    EquatableArray<ActionAnnotation> Annotations,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// One tool of a schema file: its JSON text exactly as written (a slice of the file's text, compared by its
/// characters), its position among the file's tools and the integration its envelope names (null when only the
/// file's folder or the action name can tell).
/// </summary>
internal sealed record ToolItem(string Path, string? Integration, int Index, TextSlice Text);

/// <summary>Where a tool's text starts in its file: char offset, zero-based line and column.</summary>
internal sealed record ToolAnchor(int Start, int Line, int Column)
{
    /// <summary>Moves a location measured from the tool's first character to the same place in the file.</summary>
    public LocationInfo Place(LocationInfo relative) => new(
        relative.Path,
        Start + relative.Start,
        relative.Length,
        Line + relative.StartLine,
        relative.StartLine == 0 ? Column + relative.StartColumn : relative.StartColumn,
        Line + relative.EndLine,
        relative.EndLine == 0 ? Column + relative.EndColumn : relative.EndColumn);
}

/// <summary>The tool anchors of one schema file, to place the diagnostics of its tools.</summary>
internal sealed record FileAnchors(string Path, EquatableArray<ToolAnchor> Anchors);

/// <summary>One tool read: the action (null when the tool is skipped) and its diagnostics, located relative to the tool.</summary>
internal sealed record ActionRead(string Path, int Index, ActionSchema? Action, LocationInfo? NameLocation, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>An action with the annotation that applies to it; <see cref="Index"/> is its tool's position in its file.</summary>
internal sealed record AnnotatedAction(ActionSchema Action, int Index, ActionAnnotation? Annotation);

/// <summary>
/// An action typed on its own: its types named as if no other action existed. The catalog plan keeps these names
/// unless another action took one of them first; <see cref="ActionSpec.MemberName"/> is decided by the plan.
/// </summary>
internal sealed record TypedAction(
    AnnotatedAction Source,
    string PreferredMember,
    string? IntegrationPrefix,
    ActionSpec? Spec,
    EquatableArray<string> TypeNames,
    string? Error)
{
    public ActionSchema Action => Source.Action;

    /// <summary>What the catalog plan needs of this action: names only, so a change elsewhere in it does not re-plan.</summary>
    public ActionNaming Naming() => new(Action.SourcePath, Source.Index, Action.Integration, Action.WireName, PreferredMember, IntegrationPrefix, TypeNames, Error);
}

/// <summary>An action's names: where it is, its integration and wire name, the member and type names it would take.</summary>
internal sealed record ActionNaming(
    string Path,
    int Index,
    string Integration,
    string WireName,
    string PreferredMember,
    string? IntegrationPrefix,
    EquatableArray<string> TypeNames,
    string? Error);

/// <summary>A tool of a file: its path and position.</summary>
internal sealed record ToolRef(string Path, int Index);

/// <summary>
/// The plan over names: every kept action's slice, the actions whose own type names were taken first (to be typed
/// again around <see cref="FacadeNames"/> and <see cref="TypeNames"/>), the catalog entries and the diagnostics.
/// </summary>
internal sealed record NamePlan(
    string Namespace,
    EquatableArray<ActionSlice> Slices,
    EquatableArray<ToolRef> Colliding,
    EquatableArray<CatalogEntry> Entries,
    EquatableArray<string> FacadeNames,
    EquatableArray<string> TypeNames,
    EquatableArray<PendingDiagnostic> Diagnostics);

/// <summary>An action typed again because another action had one of its type names first.</summary>
internal sealed record RetypedAction(string Path, int Index, ActionSpec Spec);

/// <summary>
/// A diagnostic to report. When <see cref="ToolPath"/> is set it is located at the name of that file's tool number
/// <see cref="ToolIndex"/>; otherwise its own location stands.
/// </summary>
internal sealed record PendingDiagnostic(DiagnosticInfo Info, string? ToolPath, int ToolIndex);

/// <summary>
/// The names-only global step's result: for every action its integration class, facade and member name (and, for the
/// rare action whose type names another action took first, its re-typed spec), the catalog index and the diagnostics.
/// </summary>
internal sealed record CatalogPlan(SliceTable Slices, CatalogIndexSpec Index, EquatableArray<PendingDiagnostic> Diagnostics);

/// <summary>What one action takes from the plan.</summary>
internal sealed record ActionSlice(
    string Path,
    int Index,
    string Namespace,
    string Key,
    string ClassName,
    string FacadeName,
    string MemberName,
    ActionSpec? Retyped);

/// <summary>Every action's slice, found by the tool it came from.</summary>
internal sealed class SliceTable : IEquatable<SliceTable>
{
    private Dictionary<(string Path, int Index), ActionSlice>? _byTool;

    public SliceTable(EquatableArray<ActionSlice> slices) => Slices = slices;

    public EquatableArray<ActionSlice> Slices { get; }

    public ActionSlice? Find(string path, int index)
    {
        var byTool = _byTool;
        if (byTool is null)
        {
            byTool = new Dictionary<(string, int), ActionSlice>();
            foreach (var slice in Slices)
            {
                byTool[(slice.Path, slice.Index)] = slice;
            }

            _byTool = byTool;
        }

        return byTool.TryGetValue((path, index), out var found) ? found : null;
    }

    public bool Equals(SliceTable? other) => other is not null && (ReferenceEquals(this, other) || Slices.Equals(other.Slices));

    public override bool Equals(object? obj) => Equals(obj as SliceTable);

    public override int GetHashCode() => Slices.Count;
}

/// <summary>An action placed in its integration: the typed action and its slice of the plan.</summary>
internal sealed record PlacedAction(TypedAction Typed, ActionSlice Slice);

/// <summary>
/// One action's generated code, in the three places it goes: its types, its descriptor in the integration's catalog
/// class, and its methods on the integration's facade.
/// </summary>
internal sealed record EmittedAction(
    string Namespace,
    string Key,
    string ClassName,
    string FacadeName,
    string WireName,
    string Types,
    string Descriptor,
    string Facade,
    string? Error);

/// <summary>
/// One generated file: up to <c>IntegrationEmitter.ActionsPerFile</c> actions of one integration. The first file of an
/// integration also declares the catalog class's key, the facade's constructor and the runner extension.
/// </summary>
internal sealed record OutputChunk(
    string HintName,
    string Namespace,
    string Key,
    string ClassName,
    string FacadeName,
    bool First,
    EquatableArray<EmittedAction> Actions);
