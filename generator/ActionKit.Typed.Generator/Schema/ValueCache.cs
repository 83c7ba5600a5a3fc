using System;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>
/// Recently made immutable values, so that the values a catalog repeats from action to action (strings, small schema
/// nodes) are kept once: the pipeline holds every action's schema for the whole compilation. A small table per thread
/// where a value takes the slot of its hash, replacing whatever was there: bounded, and nothing to clean up.
/// </summary>
internal static class ValueCache<T>
    where T : class, IEquatable<T>
{
    // A power of two, so a hash picks its slot with a mask.
    private const int Slots = 4096;

    [ThreadStatic]
    private static T?[]? t_slots;

    /// <summary>The value equal to <paramref name="value"/> already made, or <paramref name="value"/>, remembered from now on.</summary>
    public static T Share(T value)
    {
        var slots = t_slots ??= new T?[Slots];
        var slot = value.GetHashCode() & (Slots - 1);
        if (slots[slot] is { } known && known.Equals(value))
        {
            return known;
        }

        slots[slot] = value;
        return value;
    }
}
