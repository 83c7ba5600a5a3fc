namespace ActionKit.Typed.Generator.Schema;

/// <summary>
/// Recently read strings, so that the property names, descriptions and enum values that repeat across a catalog's
/// actions are kept once (see <see cref="ValueCache{T}"/>).
/// </summary>
internal static class StringCache
{
    // Longer strings rarely repeat, and the table should stay small when the compiler keeps it between builds.
    private const int MaxLength = 256;

    /// <summary>The instance of <paramref name="value"/> already read, or <paramref name="value"/>, remembered from now on.</summary>
    public static string Share(string value) => value.Length > MaxLength ? value : ValueCache<string>.Share(value);
}
