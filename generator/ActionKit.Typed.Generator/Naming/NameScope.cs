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
    private static readonly HashSet<string> None = new(StringComparer.Ordinal);

    // Shared, never changed: a scope is made for every record and enum, so the fixed member names are not copied.
    private HashSet<string> _reserved;
    private string? _alsoReserved;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>A scope where <paramref name="reserved"/> (a set made once, see <see cref="Reserved"/>) and <paramref name="alsoReserved"/> are reserved.</summary>
    public NameScope(HashSet<string>? reserved = null, string? alsoReserved = null)
    {
        _reserved = reserved ?? None;
        _alsoReserved = alsoReserved;
    }

    /// <summary>
    /// Empties the scope and reserves <paramref name="reserved"/> and <paramref name="alsoReserved"/> instead, keeping
    /// the storage the names grew: a type builder names the members of its types one type after another.
    /// </summary>
    public NameScope Reset(HashSet<string> reserved, string? alsoReserved)
    {
        _reserved = reserved;
        _alsoReserved = alsoReserved;
        _used.Clear();
        return this;
    }

    /// <summary>A set of reserved names to share between scopes.</summary>
    public static HashSet<string> Reserved(params string[] names) => new(names, StringComparer.Ordinal);

    /// <summary>Marks a name as taken without the reserved-name suffix rule (for names allocated elsewhere).</summary>
    public void Take(string name) => _used.Add(name);

    /// <summary>Every name handed out or taken so far.</summary>
    public IReadOnlyCollection<string> Used => _used;

    public bool IsTaken(string name) => _used.Contains(name) || IsReserved(name);

    public string Allocate(string preferred)
    {
        var name = IsReserved(preferred) ? preferred + "Value" : preferred;
        if (_used.Add(name) && !IsReserved(name))
        {
            return name;
        }

        for (var i = 2; ; i++)
        {
            var candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!IsReserved(candidate) && _used.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Members every generated record has, or inherits, that a property must not shadow.</summary>
    public static readonly HashSet<string> RecordMembers = Reserved(
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType",
        "MemberwiseClone", "Finalize", "Clone", "AdditionalProperties", "__Json");

    /// <summary>Members every generated open enum has.</summary>
    public static readonly HashSet<string> EnumMembers = Reserved(
        "Value", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "__Json");

    private bool IsReserved(string name) => _reserved.Contains(name) || string.Equals(name, _alsoReserved, StringComparison.Ordinal);
}
