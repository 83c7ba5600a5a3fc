using System;
using System.Collections;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace ActionKit.Typed;

/// <summary>A set of actions, enumerable and looked up by wire name; the generated <c>ActionKitCatalog.All</c> is one.</summary>
public sealed class ActionCatalog : IReadOnlyList<ActionDescriptor>
{
    private readonly ActionDescriptor[] _actions;
    private readonly FrozenDictionary<string, ActionDescriptor> _byName;

    /// <summary>Creates a catalog; a later descriptor with the same name does not replace an earlier one.</summary>
    public ActionCatalog(IEnumerable<ActionDescriptor> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        _actions = actions.ToArray();
        var byName = new Dictionary<string, ActionDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var action in _actions)
        {
            byName.TryAdd(action.Name, action);
        }

        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <inheritdoc/>
    public int Count => _actions.Length;

    /// <inheritdoc/>
    public ActionDescriptor this[int index] => _actions[index];

    /// <summary>Finds an action by wire name (case-insensitive, as LLM tool calls vary in case).</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out ActionDescriptor? action)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out action);
    }

    /// <summary>Finds an action by wire name.</summary>
    /// <exception cref="ArgumentException">No action has that name.</exception>
    public ActionDescriptor Get(string name) =>
        TryGet(name, out var action) ? action : throw new ArgumentException($"The catalog has no action named '{name}'.", nameof(name));

    /// <summary>The actions of one integration.</summary>
    public IEnumerable<ActionDescriptor> ForIntegration(string integration) =>
        _actions.Where(a => string.Equals(a.Integration, integration, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public IEnumerator<ActionDescriptor> GetEnumerator() => ((IEnumerable<ActionDescriptor>)_actions).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
