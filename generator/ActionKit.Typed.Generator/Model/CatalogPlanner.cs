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
/// member names, and checks each action's own type names against those taken before it; the rare action whose type
/// name another action took first is typed again around the names taken. Integrations are taken in ordinal order of
/// their keys and actions in ordinal order of their wire names, so the same inputs give the same names. An edit that
/// changes no name leaves the plan's input equal, so the plan is not computed again.
/// </summary>
internal static class CatalogPlanner
{
    private static readonly HashSet<string> CatalogMembers = NameScope.Reserved("All", "TryGet", "Get", "ActionKitCatalog");

    /// <summary><see cref="PlanNames"/>, with a failure of the generator itself reported as AKT0099 instead of thrown.</summary>
    public static NamePlan PlanNamesGuarded(ImmutableArray<ActionNaming> actions, AnnotationTable annotations, GeneratorSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return PlanNames(actions, annotations, settings, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new NamePlan(
                settings.Namespace,
                EquatableArray<ActionSlice>.Empty,
                EquatableArray<ToolRef>.Empty,
                EquatableArray<CatalogEntry>.Empty,
                EquatableArray<string>.Empty,
                EquatableArray<string>.Empty,
                new[] { new PendingDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, "the catalog", ex.Message), null, 0) }.ToEquatableArray());
        }
    }

    /// <summary>
    /// Names every action. Facades are named first, then each action in order keeps the type names it proposed when none
    /// is taken yet; an action with a taken name is listed in <see cref="NamePlan.Colliding"/>, to be typed again by
    /// <see cref="Retype"/> around every name kept here.
    /// </summary>
    public static NamePlan PlanNames(ImmutableArray<ActionNaming> actions, AnnotationTable annotations, GeneratorSettings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new List<PendingDiagnostic>();
        var kept = new Dictionary<string, ActionNaming>(actions.Length, StringComparer.Ordinal);
        foreach (var action in InFileOrder(actions))
        {
            if (action.Error is { } error)
            {
                diagnostics.Add(new PendingDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, action.WireName, error), action.Path, action.Index));
            }
            else if (kept.TryGetValue(action.WireName, out var first))
            {
                diagnostics.Add(new PendingDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateAction, null, action.WireName, first.Path), action.Path, action.Index));
            }
            else
            {
                kept.Add(action.WireName, action);
            }
        }

        foreach (var annotation in annotations.All)
        {
            if (!kept.ContainsKey(annotation.WireName))
            {
                diagnostics.Add(new PendingDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.AnnotationForUnknownAction, annotation.NameLocation, annotation.WireName), null, 0));
            }
        }

        var groups = new Dictionary<string, List<ActionNaming>>(StringComparer.Ordinal);
        foreach (var action in kept.Values)
        {
            if (!groups.TryGetValue(action.Integration, out var list))
            {
                groups.Add(action.Integration, list = new List<ActionNaming>());
            }

            list.Add(action);
        }

        var keys = groups.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);

        // Integration keys are often lower-case (googledrive); the action names spell the words (GOOGLE_DRIVE), so the
        // first action whose prefix matches the key gives the casing: GoogleDrive. Otherwise the key itself: MondayCom.
        var types = ActionTyping.NewTypeScope();
        var classes = new NameScope(CatalogMembers);
        var classNames = new string[keys.Length];
        var facadeNames = new string[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var group = groups[keys[i]];
            group.Sort(static (a, b) => string.CompareOrdinal(a.WireName, b.WireName));
            classNames[i] = classes.Allocate(group.Select(a => a.IntegrationPrefix).FirstOrDefault(p => p is not null) ?? Identifier.ToPascal(keys[i], "Integration"));
            facadeNames[i] = types.Allocate(classNames[i] + "Actions");
        }

        // Sized for every kept action and every type name they propose, so the arrays are filled, not grown and copied.
        var ns = settings.Namespace;
        var slices = ImmutableArray.CreateBuilder<ActionSlice>(kept.Count);
        var entries = ImmutableArray.CreateBuilder<CatalogEntry>(kept.Count);
        var colliding = new List<ToolRef>();
        var typeNames = ImmutableArray.CreateBuilder<string>(CountTypeNames(kept.Values));
        for (var i = 0; i < keys.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var members = new NameScope(alsoReserved: classNames[i]);
            foreach (var action in groups[keys[i]])
            {
                var member = members.Allocate(action.PreferredMember);
                if (AnyTaken(types, action.TypeNames))
                {
                    colliding.Add(new ToolRef(action.Path, action.Index));
                }
                else
                {
                    foreach (var name in action.TypeNames)
                    {
                        types.Take(name);
                        typeNames.Add(name);
                    }
                }

                slices.Add(new ActionSlice(action.Path, action.Index, ns, keys[i], classNames[i], facadeNames[i], member, null));
                entries.Add(new CatalogEntry(classNames[i], member));
            }
        }

        return new NamePlan(
            ns,
            slices.ToEquatableArray(),
            colliding.ToEquatableArray(),
            entries.ToEquatableArray(),
            facadeNames.ToEquatableArray(),
            typeNames.ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// Types each colliding action again, in plan order, in a scope holding every name the plan kept and every name the
    /// actions before it took here. Nothing to do, and no cost, when no action collides.
    /// </summary>
    public static EquatableArray<RetypedAction> Retype(NamePlan plan, ImmutableArray<TypedAction> actions, CancellationToken cancellationToken)
    {
        if (plan.Colliding.Count == 0)
        {
            return EquatableArray<RetypedAction>.Empty;
        }

        try
        {
            var byTool = new Dictionary<(string, int), TypedAction>();
            foreach (var action in actions)
            {
                byTool[(action.Action.SourcePath, action.Source.Index)] = action;
            }

            var scope = ActionTyping.NewTypeScope();
            foreach (var name in plan.FacadeNames.Concat(plan.TypeNames))
            {
                scope.Take(name);
            }

            var retyped = new List<RetypedAction>();
            foreach (var tool in plan.Colliding)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (byTool.TryGetValue((tool.Path, tool.Index), out var action))
                {
                    retyped.Add(new RetypedAction(tool.Path, tool.Index, ActionTypeBuilder.Build(scope, string.Empty, action.Action, action.Source.Annotation)));
                }
            }

            return retyped.ToEquatableArray();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Reported by Complete: a colliding action without its new types is left out.
            return EquatableArray<RetypedAction>.Empty;
        }
    }

    /// <summary>The plan with the re-typed actions in place: every action's slice, the catalog index and the diagnostics.</summary>
    public static CatalogPlan Complete(NamePlan plan, EquatableArray<RetypedAction> retyped)
    {
        if (plan.Colliding.Count == 0)
        {
            return new CatalogPlan(new SliceTable(plan.Slices), new CatalogIndexSpec(plan.Namespace, plan.Entries, plan.TypeNames), plan.Diagnostics);
        }

        var specs = retyped.ToDictionary(r => (r.Path, r.Index), r => r.Spec);
        var colliding = new HashSet<(string, int)>(plan.Colliding.Select(c => (c.Path, c.Index)));
        var slices = new List<ActionSlice>(plan.Slices.Count);
        var dropped = new HashSet<CatalogEntry>();
        var diagnostics = plan.Diagnostics.ToList();
        foreach (var slice in plan.Slices)
        {
            if (!colliding.Contains((slice.Path, slice.Index)))
            {
                slices.Add(slice);
            }
            else if (specs.TryGetValue((slice.Path, slice.Index), out var spec))
            {
                slices.Add(slice with { Retyped = spec });
            }
            else
            {
                dropped.Add(new CatalogEntry(slice.ClassName, slice.MemberName));
                diagnostics.Add(new PendingDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, "the catalog", "an action's types could not be named"), slice.Path, slice.Index));
            }
        }

        return new CatalogPlan(
            new SliceTable(slices.ToEquatableArray()),
            new CatalogIndexSpec(
                plan.Namespace,
                plan.Entries.Where(e => !dropped.Contains(e)).ToEquatableArray(),
                plan.TypeNames.Concat(retyped.SelectMany(r => r.Spec.Types).Select(t => t.Name)).ToEquatableArray()),
            diagnostics.ToEquatableArray());
    }

    private static int CountTypeNames(IEnumerable<ActionNaming> actions)
    {
        var count = 0;
        foreach (var action in actions)
        {
            count += action.TypeNames.Count;
        }

        return count;
    }

    private static bool AnyTaken(NameScope scope, EquatableArray<string> names)
    {
        foreach (var name in names)
        {
            if (scope.IsTaken(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Actions by file path in ordinal order, then by their place in the file: the first of a wire name wins.</summary>
    private static IEnumerable<ActionNaming> InFileOrder(ImmutableArray<ActionNaming> actions)
    {
        var files = new Dictionary<string, List<ActionNaming>>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!files.TryGetValue(action.Path, out var list))
            {
                files.Add(action.Path, list = new List<ActionNaming>());
            }

            list.Add(action);
        }

        var paths = files.Keys.ToArray();
        Array.Sort(paths, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var list = files[path];
            var sorted = true;
            for (var i = 1; i < list.Count && sorted; i++)
            {
                sorted = list[i - 1].Index < list[i].Index;
            }

            if (!sorted)
            {
                list.Sort(static (a, b) => a.Index.CompareTo(b.Index));
            }

            foreach (var action in list)
            {
                yield return action;
            }
        }
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
