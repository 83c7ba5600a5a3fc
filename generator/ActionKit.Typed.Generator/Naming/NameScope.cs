using System;
using System.Collections.Generic;

namespace ActionKit.Typed.Generator.Naming;

/// <summary>
/// Hands out unique names inside one C# scope (a namespace, a type's members). Reserved names (record members
/// such as EqualityContract, the containing type) get a "Value" suffix; later duplicates get 2, 3, …
/// Allocation order decides who keeps the plain name, so callers allocate in a stable order.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _reserved;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public NameScope(IEnumerable<string>? reserved = null) => _reserved = new HashSet<string>(reserved ?? Array.Empty<string>(), StringComparer.Ordinal);

    /// <summary>Marks a name as taken without the reserved-name suffix rule (for names allocated elsewhere).</summary>
    public void Take(string name) => _used.Add(name);

    /// <summary>Every name handed out or taken so far.</summary>
    public IReadOnlyCollection<string> Used => _used;

    public bool IsTaken(string name) => _used.Contains(name) || _reserved.Contains(name);

    public string Allocate(string preferred)
    {
        var name = _reserved.Contains(preferred) ? preferred + "Value" : preferred;
        if (_used.Add(name) && !_reserved.Contains(name))
        {
            return name;
        }

        for (var i = 2; ; i++)
        {
            var candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!_reserved.Contains(candidate) && _used.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Members every generated record has, or inherits, that a property must not shadow.</summary>
    public static readonly string[] RecordMembers =
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType",
        "MemberwiseClone", "Finalize", "Clone", "AdditionalProperties", "__Json",
    };

    /// <summary>Members every generated open enum has.</summary>
    public static readonly string[] EnumMembers =
    {
        "Value", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "__Json",
    };
}
