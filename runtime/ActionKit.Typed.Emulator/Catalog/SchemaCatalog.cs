using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace ActionKit.Typed.Emulator.Catalog;

/// <summary>The actions the emulator serves, grouped by integration in the order the schema files gave them.</summary>
internal sealed class SchemaCatalog
{
    private readonly Dictionary<string, EmulatedAction> _byName;

    public SchemaCatalog(IReadOnlyList<EmulatedAction> actions, IReadOnlyList<string> warnings)
    {
        Actions = actions;
        Warnings = warnings;
        // Exact names: ActionKit's names are upper-case wire names, and a client that changes them is wrong.
        _byName = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
        Integrations = actions.Select(a => a.Integration).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every action, integration by integration.</summary>
    public IReadOnlyList<EmulatedAction> Actions { get; }

    /// <summary>The integration keys, in catalog order.</summary>
    public IReadOnlyList<string> Integrations { get; }

    /// <summary>Files or entries that could not be read; they are skipped, never fatal.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public bool TryGet(string name, [NotNullWhen(true)] out EmulatedAction? action) => _byName.TryGetValue(name, out action);
}
