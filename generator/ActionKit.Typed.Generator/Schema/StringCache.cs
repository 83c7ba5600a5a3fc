using System;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>
/// Recently read strings, so that the property names, descriptions and enum values that repeat across a catalog's
/// actions are kept once: the pipeline holds every action's schema for the whole compilation. A small table per
/// thread where a string takes the slot of its hash, replacing whatever was there: bounded, and nothing to clean up.
/// </summary>
internal static class StringCache
{
    // A power of two, so a hash picks its slot with a mask.
    private const int Slots = 4096;

    // Longer strings rarely repeat, and the table should stay small when the compiler keeps it between builds.
    private const int MaxLength = 256;

    [ThreadStatic]
    private static string?[]? t_slots;

    /// <summary>The instance of <paramref name="value"/> already read, or <paramref name="value"/>, remembered from now on.</summary>
    public static string Share(string value)
    {
        if (value.Length > MaxLength)
        {
            return value;
        }

        var slots = t_slots ??= new string?[Slots];
        var slot = value.GetHashCode() & (Slots - 1);
        if (slots[slot] is { } known && string.Equals(known, value, StringComparison.Ordinal))
        {
            return known;
        }

        slots[slot] = value;
        return value;
    }
}
