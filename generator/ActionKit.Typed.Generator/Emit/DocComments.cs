namespace ActionKit.Typed.Generator.Emit;

/// <summary>XML doc comments from schema descriptions, which may hold markup, JSON, template tokens and any line break.</summary>
internal static class DocComments
{
    private static readonly char[] LineBreaks = { '\r', '\n', '\u2028', '\u2029', '\u0085' };

    /// <summary>Writes a summary from schema text (escaped), or from <paramref name="fallback"/>, which is already XML.</summary>
    public static void Summary(SourceWriter writer, string? text, string fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            writer.Line($"/// <summary>{fallback}</summary>");
            return;
        }

        Summary(writer, text!);
    }

    /// <summary>
    /// Writes a summary from schema text (escaped), or else one that names <paramref name="code"/> (escaped, in
    /// <c>&lt;c&gt;</c>) between two pieces of XML; the fallback is only written, never built, when the text is there.
    /// </summary>
    public static void Summary(SourceWriter writer, string? text, string before, string code, string after)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            writer.Line($"/// <summary>{before}<c>{Literals.Xml(code)}</c>{after}</summary>");
            return;
        }

        Summary(writer, text!);
    }

    public static void Remarks(SourceWriter writer, string text) => writer.Line($"/// <remarks>{text}</remarks>");

    /// <summary>Remarks that set a wire name in code (<c>&lt;c&gt;…&lt;/c&gt;</c>, escaped) between two pieces of XML.</summary>
    public static void Remarks(SourceWriter writer, string before, string wireName, string after) =>
        writer.Line($"/// <remarks>{before}<c>{Literals.Xml(wireName)}</c>{after}</remarks>");

    /// <summary>
    /// The text's lines, escaped and without trailing white space, up to the last one that keeps any text. One line sits
    /// between its tags, as hand-written docs put it; blank lines inside a longer summary read as paragraph breaks.
    /// Lines are written straight from the description, with no string per line.
    /// </summary>
    private static void Summary(SourceWriter writer, string text)
    {
        var count = 0;
        var lines = 0;
        for (var position = 0; NextLine(text, ref position, out var start, out var end);)
        {
            lines++;
            if (end > start)
            {
                count = lines;
            }
        }

        var at = 0;
        if (count == 1)
        {
            NextLine(text, ref at, out var start, out var end);
            writer.XmlLine("/// <summary>", text, start, end, "</summary>");
            return;
        }

        writer.Line("/// <summary>");
        for (var i = 0; i < count; i++)
        {
            NextLine(text, ref at, out var start, out var end);
            if (end > start)
            {
                writer.XmlLine("/// ", text, start, end, string.Empty);
            }
            else
            {
                writer.Line("/// <para/>");
            }
        }

        writer.Line("/// </summary>");
    }

    /// <summary>
    /// The line at <paramref name="position"/> (CRLF, LF, CR, NEL, LS and PS end a line): <c>[start, end)</c> stops after
    /// its last character that escaped XML keeps and white space trimming would not remove. The position moves past the
    /// line break, or to -1 after the last line.
    /// </summary>
    private static bool NextLine(string text, ref int position, out int start, out int end)
    {
        start = end = position;
        if (position < 0)
        {
            return false;
        }

        var i = text.IndexOfAny(LineBreaks, position);
        if (i < 0)
        {
            i = text.Length;
        }

        end = i;
        while (end > start && (text[end - 1] < 0x20 || char.IsWhiteSpace(text[end - 1])))
        {
            end--;
        }

        position = i == text.Length ? -1 : i + (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1);
        return true;
    }
}
