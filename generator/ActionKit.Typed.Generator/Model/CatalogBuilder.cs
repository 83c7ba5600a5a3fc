using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ActionKit.Typed.Generator.Diagnostics;
using ActionKit.Typed.Generator.Naming;

namespace ActionKit.Typed.Generator.Model;

/// <summary>
/// Joins all files into the catalog: drops duplicate actions, applies annotations, groups by integration and decides
/// every C# name. Files and actions are taken in ordinal order, so the same inputs always give the same names.
/// </summary>
internal static class CatalogBuilder
{
    private static readonly string[] CatalogMembers = { "All", "TryGet", "Get", "ActionKitCatalog" };

    /// <summary><see cref="Build"/>, with a failure of the generator itself reported as AKT0099 instead of thrown.</summary>
    public static CatalogModel BuildGuarded(ImmutableArray<SchemaFileModel> files, GeneratorSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return Build(files, settings, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new CatalogModel(
                EquatableArray<IntegrationSpec>.Empty,
                new CatalogIndexSpec(settings.Namespace, EquatableArray<CatalogEntry>.Empty, EquatableArray<string>.Empty),
                new[] { DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, "the catalog", ex.Message) }.ToEquatableArray());
        }
    }

    public static CatalogModel Build(ImmutableArray<SchemaFileModel> files, GeneratorSettings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

        var actions = new Dictionary<string, ActionSchema>(StringComparer.Ordinal);
        foreach (var action in ordered.SelectMany(f => f.Actions))
        {
            if (actions.TryGetValue(action.WireName, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateAction, action.NameLocation, action.WireName, first.SourcePath));
                continue;
            }

            actions.Add(action.WireName, action);
        }

        var annotations = new Dictionary<string, ActionAnnotation>(StringComparer.Ordinal);
        foreach (var annotation in ordered.SelectMany(f => f.Annotations))
        {
            if (!actions.ContainsKey(annotation.WireName))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AnnotationForUnknownAction, annotation.NameLocation, annotation.WireName));
            }
            else if (!annotations.ContainsKey(annotation.WireName))
            {
                annotations.Add(annotation.WireName, annotation);
            }
        }

        var types = new NameScope(new[] { "ActionKitCatalog", "ActionKitRunnerExtensions", "ActionKitJson" });
        var classes = new NameScope(CatalogMembers);
        var integrations = new List<IntegrationSpec>();
        var entries = new List<CatalogEntry>();
        foreach (var group in actions.Values.GroupBy(a => a.Integration, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var groupActions = group.OrderBy(a => a.WireName, StringComparer.Ordinal).ToList();
            var className = classes.Allocate(IntegrationClassName(group.Key, groupActions));
            var facadeName = types.Allocate(className + "Actions");
            var members = new NameScope(new[] { className });
            var specs = new List<ActionSpec>();
            foreach (var action in groupActions)
            {
                var rest = ActionNames.StripIntegrationPrefix(action.WireName, group.Key);
                var member = members.Allocate(Identifier.ToPascal(string.IsNullOrEmpty(rest) ? action.WireName : rest, "Action"));
                annotations.TryGetValue(action.WireName, out var annotation);
                specs.Add(ActionTypeBuilder.Build(types, member, action, annotation));
                entries.Add(new CatalogEntry(className, member));
            }

            integrations.Add(new IntegrationSpec(settings.Namespace, group.Key, className, facadeName, specs.ToEquatableArray()));
        }

        return new CatalogModel(
            integrations.ToEquatableArray(),
            new CatalogIndexSpec(
                settings.Namespace,
                entries.ToEquatableArray(),
                integrations.SelectMany(i => i.Actions).SelectMany(a => a.Types).Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray()),
            diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// Integration keys are often lower-case (googledrive); the action names spell the words (GOOGLE_DRIVE), so the
    /// first action whose prefix matches the key gives the casing: GoogleDrive. Otherwise the key itself: MondayCom.
    /// </summary>
    private static string IntegrationClassName(string key, IReadOnlyList<ActionSchema> actions)
    {
        foreach (var action in actions)
        {
            if (ActionNames.IntegrationPrefix(action.WireName, key) is { } prefix)
            {
                return Identifier.ToPascal(prefix, "Integration");
            }
        }

        return Identifier.ToPascal(key, "Integration");
    }
}
