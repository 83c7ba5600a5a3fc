using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ActionKit.Typed.Generator.Diagnostics;
using ActionKit.Typed.Generator.Naming;

namespace ActionKit.Typed.Generator.Model;

/// <summary>
/// The one step over all actions, kept to names: drops duplicate actions, allocates integration class, facade and
/// member names, and checks each action's own type names against those taken before it. Integrations are taken in
/// ordinal order of their keys and actions in ordinal order of their wire names, so the same inputs give the same names.
/// </summary>
internal static class CatalogPlanner
{
    private static readonly string[] CatalogMembers = { "All", "TryGet", "Get", "ActionKitCatalog" };

    /// <summary><see cref="Plan"/>, with a failure of the generator itself reported as AKT0099 instead of thrown.</summary>
    public static CatalogPlan PlanGuarded(ImmutableArray<TypedAction> actions, AnnotationTable annotations, GeneratorSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return Plan(actions, annotations, settings, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new CatalogPlan(
                new SliceTable(EquatableArray<ActionSlice>.Empty),
                new CatalogIndexSpec(settings.Namespace, EquatableArray<CatalogEntry>.Empty, EquatableArray<string>.Empty),
                new[] { new PendingDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, "the catalog", ex.Message), null, 0) }.ToEquatableArray());
        }
    }

    public static CatalogPlan Plan(ImmutableArray<TypedAction> actions, AnnotationTable annotations, GeneratorSettings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new List<PendingDiagnostic>();
        var kept = new Dictionary<string, TypedAction>(StringComparer.Ordinal);
        foreach (var action in actions.OrderBy(a => a.Action.SourcePath, StringComparer.Ordinal).ThenBy(a => a.Source.Index))
        {
            var wireName = action.Action.WireName;
            if (action.Error is { } error)
            {
                diagnostics.Add(new PendingDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, wireName, error), action.Action.SourcePath, action.Source.Index));
            }
            else if (kept.TryGetValue(wireName, out var first))
            {
                diagnostics.Add(new PendingDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateAction, null, wireName, first.Action.SourcePath), action.Action.SourcePath, action.Source.Index));
            }
            else
            {
                kept.Add(wireName, action);
            }
        }

        foreach (var annotation in annotations.All)
        {
            if (!kept.ContainsKey(annotation.WireName))
            {
                diagnostics.Add(new PendingDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.AnnotationForUnknownAction, annotation.NameLocation, annotation.WireName), null, 0));
            }
        }

        var ns = settings.Namespace;
        var types = ActionTyping.NewTypeScope();
        var classes = new NameScope(CatalogMembers);
        var slices = new List<ActionSlice>(kept.Count);
        var entries = new List<CatalogEntry>(kept.Count);
        var typeNames = new List<string>();
        foreach (var group in kept.Values.GroupBy(a => a.Action.Integration, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var groupActions = group.OrderBy(a => a.Action.WireName, StringComparer.Ordinal).ToList();

            // Integration keys are often lower-case (googledrive); the action names spell the words (GOOGLE_DRIVE), so the
            // first action whose prefix matches the key gives the casing: GoogleDrive. Otherwise the key itself: MondayCom.
            var className = classes.Allocate(groupActions.Select(a => a.IntegrationPrefix).FirstOrDefault(p => p is not null) ?? Identifier.ToPascal(group.Key, "Integration"));
            var facadeName = types.Allocate(className + "Actions");
            var members = new NameScope(new[] { className });
            foreach (var action in groupActions)
            {
                var member = members.Allocate(action.PreferredMember);
                var names = action.TypeNames;
                ActionSpec? retyped = null;
                if (names.Any(types.IsTaken))
                {
                    // Another action already has one of these names: type this one again around every name taken so far.
                    var scope = ActionTyping.NewTypeScope();
                    foreach (var used in types.Used)
                    {
                        scope.Take(used);
                    }

                    retyped = ActionTypeBuilder.Build(scope, string.Empty, action.Action, action.Source.Annotation);
                    names = retyped.Types.Select(t => t.Name).ToEquatableArray();
                }

                foreach (var name in names)
                {
                    types.Take(name);
                    typeNames.Add(name);
                }

                slices.Add(new ActionSlice(action.Action.SourcePath, action.Source.Index, ns, group.Key, className, facadeName, member, retyped));
                entries.Add(new CatalogEntry(className, member));
            }
        }

        return new CatalogPlan(
            new SliceTable(slices.ToEquatableArray()),
            new CatalogIndexSpec(ns, entries.ToEquatableArray(), typeNames.ToEquatableArray()),
            diagnostics.ToEquatableArray());
    }

    /// <summary>Every diagnostic of the tools and of the plan, placed in its file.</summary>
    public static EquatableArray<DiagnosticInfo> PlaceDiagnostics(ImmutableArray<ActionRead> reads, ImmutableArray<FileAnchors> files, EquatableArray<PendingDiagnostic> planned)
    {
        var anchors = new Dictionary<string, EquatableArray<ToolAnchor>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            anchors[file.Path] = file.Anchors;
        }

        LocationInfo? Place(LocationInfo? relative, string path, int index) =>
            relative is not null && anchors.TryGetValue(path, out var tools) && index >= 0 && index < tools.Count ? tools[index].Place(relative) : relative;

        var placed = new List<DiagnosticInfo>();
        foreach (var read in reads.Where(r => r.Diagnostics.Count > 0).OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Index))
        {
            placed.AddRange(read.Diagnostics.Select(d => d with { Location = Place(d.Location, read.Path, read.Index) }));
        }

        Dictionary<(string, int), ActionRead>? byTool = null;
        foreach (var pending in planned)
        {
            if (pending.ToolPath is not { } path)
            {
                placed.Add(pending.Info);
                continue;
            }

            byTool ??= reads.GroupBy(r => (r.Path, r.Index)).ToDictionary(g => g.Key, g => g.First());
            var name = byTool.TryGetValue((path, pending.ToolIndex), out var read) ? read.NameLocation : null;
            placed.Add(pending.Info with { Location = Place(name, path, pending.ToolIndex) });
        }

        return placed.ToEquatableArray();
    }
}

/// <summary>Every annotation in file order; the first for a wire name applies.</summary>
internal sealed class AnnotationTable : IEquatable<AnnotationTable>
{
    private Dictionary<string, ActionAnnotation>? _byName;

    public AnnotationTable(EquatableArray<ActionAnnotation> all) => All = all;

    public EquatableArray<ActionAnnotation> All { get; }

    public static AnnotationTable From(ImmutableArray<SchemaFileSplit> files) =>
        new(files.OrderBy(f => f.Path, StringComparer.Ordinal).SelectMany(f => f.Annotations).ToEquatableArray());

    public ActionAnnotation? Find(string wireName)
    {
        var byName = _byName;
        if (byName is null)
        {
            byName = new Dictionary<string, ActionAnnotation>(StringComparer.Ordinal);
            foreach (var annotation in All)
            {
                if (!byName.ContainsKey(annotation.WireName))
                {
                    byName.Add(annotation.WireName, annotation);
                }
            }

            _byName = byName;
        }

        return byName.TryGetValue(wireName, out var found) ? found : null;
    }

    public bool Equals(AnnotationTable? other) => other is not null && (ReferenceEquals(this, other) || All.Equals(other.All));

    public override bool Equals(object? obj) => Equals(obj as AnnotationTable);

    public override int GetHashCode() => All.Count;
}
