using System.Globalization;
using System.Text;

namespace ActionKit.Typed.Generator.Emit;

/// <summary>C# string literals and XML doc text from arbitrary schema strings.</summary>
internal static class Literals
{
    /// <summary>A quoted C# literal; everything outside printable ASCII is escaped so sources stay ASCII and line breaks never leak.</summary>
    public static string String(string value)
    {
        if (IsPlain(value))
        {
            return "\"" + value + "\"";
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var ch in value)
        {
            switch (ch)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (ch < 0x20 || ch > 0x7E)
                    {
                        builder.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(ch);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// A raw string literal (<c>"""…"""</c>) when the text allows one, else a quoted literal: JSON text reads as it is,
    /// where a quoted literal doubles every quote and backslash in it. Only printable ASCII on one line, not starting
    /// or ending with a quote and without three quotes in a row (which compact JSON never has).
    /// </summary>
    public static string Raw(string value)
    {
        if (value.Length == 0 || value[0] == '"' || value[value.Length - 1] == '"' || value.IndexOf("\"\"\"", System.StringComparison.Ordinal) >= 0)
        {
            return String(value);
        }

        foreach (var ch in value)
        {
            if (ch < 0x20 || ch > 0x7E)
            {
                return String(value);
            }
        }

        return "\"\"\"" + value + "\"\"\"";
    }

    /// <summary>A UTF-8 literal for property-name matching and writing.</summary>
    public static string Utf8(string value) => String(value) + "u8";

    /// <summary>
    /// Text safe inside an XML doc element on one line: escaped markup, no control characters, no line breaks, and no
    /// character XML forbids (U+FFFE, U+FFFF, unpaired surrogates become U+FFFD).
    /// </summary>
    public static string Xml(string text) =>
        IsXmlSafe(text) ? text : AppendXml(new StringBuilder(text.Length), text, 0, text.Length).ToString();

    /// <summary>Appends <c>text[start..end)</c> as <see cref="Xml(string)"/> would write it, with no intermediate string.</summary>
    public static StringBuilder AppendXml(StringBuilder builder, string text, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            // Runs that need no escaping (nearly all text) are copied whole.
            var run = i;
            while (run < end && IsXmlSafe(text[run]))
            {
                run++;
            }

            builder.Append(text, i, run - i);
            if (run == end)
            {
                break;
            }

            i = run + 1;
            var ch = text[run];
            switch (ch)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;

                // C# ends a line at these too: inside a /// comment they would turn the rest of the text into code.
                case '\u0085':
                case '\u2028':
                case '\u2029':
                    builder.Append(' ');
                    break;
                case '\uFFFE':
                case '\uFFFF':
                    builder.Append('\uFFFD');
                    break;
                default:
                    if (char.IsHighSurrogate(ch) && i < end && char.IsLowSurrogate(text[i]))
                    {
                        builder.Append(ch).Append(text[i++]);
                    }
                    else if (char.IsSurrogate(ch))
                    {
                        builder.Append('\uFFFD');
                    }
                    else if (ch >= 0x20 || ch == '\t')
                    {
                        builder.Append(ch);
                    }

                    break;
            }
        }

        return builder;
    }

    // Printable ASCII with nothing to escape: the literal is the text in quotes.
    private static bool IsPlain(string value)
    {
        foreach (var ch in value)
        {
            if (ch < 0x20 || ch > 0x7E || ch == '"' || ch == '\\')
            {
                return false;
            }
        }

        return true;
    }

    // Printable ASCII without markup, or tabs: the text is already safe XML on one line. Anything else takes the full path.
    private static bool IsXmlSafe(string text)
    {
        foreach (var ch in text)
        {
            if (!IsXmlSafe(ch))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsXmlSafe(char ch) => ch is not ('&' or '<' or '>') && (ch >= 0x20 || ch == '\t') && ch <= 0x7E;
}
