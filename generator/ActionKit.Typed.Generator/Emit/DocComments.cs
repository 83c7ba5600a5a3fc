using System.Linq;

namespace ActionKit.Typed.Generator.Emit;

/// <summary>XML doc comments from schema descriptions, which may hold markup, JSON, template tokens and any line break.</summary>
internal static class DocComments
{
    private static readonly string[] LineBreaks = { "\r\n", "\n", "\r", "\u2028", "\u2029", "\u0085" };
    private static readonly char[] LineBreakChars = { '\r', '\n', '\u2028', '\u2029', '\u0085' };

    /// <summary>Writes a summary from schema text (escaped), or from <paramref name="fallback"/>, which is already XML.</summary>
    public static void Summary(SourceWriter writer, string? text, string fallback)
    {
        var lines = string.IsNullOrWhiteSpace(text) ? new[] { fallback } : Lines(text!);
        if (lines.Length == 1)
        {
            // Most summaries are one line: on the line of their tags, as hand-written docs put them.
            writer.Line($"/// <summary>{lines[0]}</summary>");
            return;
        }

        writer.Line("/// <summary>");
        foreach (var line in lines)
        {
            writer.Line($"/// {line}");
        }

        writer.Line("/// </summary>");
    }

    public static void Remarks(SourceWriter writer, string text) => writer.Line($"/// <remarks>{text}</remarks>");

    /// <summary>Remarks that set a wire name in code (<c>&lt;c&gt;…&lt;/c&gt;</c>, escaped) between two pieces of XML.</summary>
    public static void Remarks(SourceWriter writer, string before, string wireName, string after) =>
        writer.Line($"/// <remarks>{before}<c>{Literals.Xml(wireName)}</c>{after}</remarks>");

    private static string[] Lines(string text)
    {
        // Most descriptions are one line: skip the split and the list (same result as below).
        if (text.IndexOfAny(LineBreakChars) < 0)
        {
            var line = Literals.Xml(text).TrimEnd();
            return line.Length == 0 ? System.Array.Empty<string>() : new[] { line };
        }

        var lines = text.Split(LineBreaks, System.StringSplitOptions.None)
            .Select(l => Literals.Xml(l).TrimEnd())
            .ToList();
        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        // Blank lines inside a summary read as paragraph breaks.
        return lines.Select(l => l.Length == 0 ? "<para/>" : l).ToArray();
    }
}
