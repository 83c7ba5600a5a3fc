using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ActionKit.Typed.Generator.Diagnostics;

/// <summary>An equatable stand-in for <see cref="Location"/> in a schema file.</summary>
internal sealed record LocationInfo(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation() => Location.Create(
        Path,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));

    public static LocationInfo FileStart(string path) => new(path, 0, 0, 0, 0, 0, 0);
}
