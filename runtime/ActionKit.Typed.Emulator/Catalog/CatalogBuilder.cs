using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Catalog;

/// <summary>
/// Collects tools and annotations from many sources. A later definition of an action replaces an earlier one, so
/// schema files from options override the bundled catalog (schemas are user-specific snapshots).
/// </summary>
internal sealed class CatalogBuilder
{
    private readonly Dictionary<string, (int Order, EmulatedAction Action)> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActionAnnotation> _annotations = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];
    private int _order;

    /// <summary>Adds a tool; false when the value is not a tool object (the caller reports it once per file).</summary>
    public bool AddTool(string integration, JsonElement tool)
    {
        if (tool.ValueKind != JsonValueKind.Object
            || !tool.TryGetProperty("function", out var function)
            || function.ValueKind != JsonValueKind.Object
            || !function.TryGetProperty("name", out var nameElement)
            || nameElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(nameElement.GetString()))
        {
            return false;
        }

        var name = nameElement.GetString()!;
        var parameters = function.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object ? p.Clone() : default;
        var required = RequiredNames(parameters);
        var action = new EmulatedAction(name, integration, tool.Clone(), parameters, required);
        var order = _actions.TryGetValue(name, out var existing) && existing.Action.Integration == integration ? existing.Order : _order++;
        _actions[name] = (order, action);
        return true;
    }

    public void AddAnnotation(string name, ActionAnnotation annotation) => _annotations[name] = annotation;

    public void Warn(string warning) => _warnings.Add(warning);

    public SchemaCatalog Build()
    {
        var ordered = _actions.Values.OrderBy(a => a.Order).Select(a => a.Action).ToList();
        foreach (var action in ordered)
        {
            if (_annotations.TryGetValue(action.Name, out var annotation))
            {
                action.Annotation = annotation;
            }
        }

        // Group by integration, keeping the order in which integrations and actions first appeared.
        var integrationOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var action in ordered)
        {
            integrationOrder.TryAdd(action.Integration, integrationOrder.Count);
        }

        var grouped = ordered.Select((a, i) => (a, i)).OrderBy(x => integrationOrder[x.a.Integration]).ThenBy(x => x.i).Select(x => x.a).ToArray();
        return new SchemaCatalog(grouped, _warnings.ToArray());
    }

    private static string[] RequiredNames(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Object
            || !parameters.TryGetProperty("required", out var required)
            || required.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return required.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToArray();
    }
}
