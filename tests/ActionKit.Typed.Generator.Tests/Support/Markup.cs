using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace ActionKit.Typed.Generator.Tests.Support;

/// <summary>Input text with one span marked <c>[|…|]</c>; the markers are removed and the span kept for the expected diagnostic.</summary>
internal sealed record Markup(string Text, TextSpan Span)
{
    public static Markup Parse(string marked)
    {
        var start = marked.IndexOf("[|", System.StringComparison.Ordinal);
        var end = marked.IndexOf("|]", start + 2, System.StringComparison.Ordinal);
        var text = marked.Remove(end, 2).Remove(start, 2);
        return new Markup(text, new TextSpan(start, end - start - 2));
    }

    /// <summary>The expected diagnostic at the marked span, in the harness's one-based lines and columns.</summary>
    public DiagnosticResult At(string path, DiagnosticResult result)
    {
        var lines = SourceText.From(Text).Lines.GetLinePositionSpan(Span);
        return result.WithSpan(path, lines.Start.Line + 1, lines.Start.Character + 1, lines.End.Line + 1, lines.End.Character + 1);
    }
}
