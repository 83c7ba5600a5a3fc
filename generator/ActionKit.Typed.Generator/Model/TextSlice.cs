using System;

namespace ActionKit.Typed.Generator.Model;

/// <summary>
/// A run of characters of a larger string, compared and hashed by its characters. A tool's text is a slice of its
/// file's text rather than a copy of it: the file's text is kept alive by the compilation anyway, while copies would
/// double what every run allocates and what the pipeline keeps.
/// </summary>
internal readonly struct TextSlice : IEquatable<TextSlice>
{
    public TextSlice(string source, int start, int length)
    {
        Source = source;
        Start = start;
        Length = length;
    }

    public string Source { get; }

    public int Start { get; }

    public int Length { get; }

    public ReadOnlySpan<char> AsSpan() => Source.AsSpan(Start, Length);

    public ReadOnlyMemory<char> AsMemory() => Source.AsMemory(Start, Length);

    public bool Equals(TextSlice other) => AsSpan().SequenceEqual(other.AsSpan());

    public override bool Equals(object? obj) => obj is TextSlice other && Equals(other);

    public override int GetHashCode()
    {
        // FNV-1a over the characters: equal slices of different strings must hash alike.
        var hash = 2166136261u;
        foreach (var c in AsSpan())
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return unchecked((int)hash);
    }

    public override string ToString() => Start == 0 && Length == Source.Length ? Source : Source.Substring(Start, Length);
}
