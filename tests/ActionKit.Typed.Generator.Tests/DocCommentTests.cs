using ActionKit.Typed.Generator.Emit;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Generator.Tests;

/// <summary>How schema descriptions become XML doc summaries: escaped, one line per line, blank lines as paragraphs.</summary>
public class DocCommentTests
{
    private static string Summary(string? description, string fallback = "FALLBACK")
    {
        var writer = new SourceWriter(indent: 1);
        DocComments.Summary(writer, description, fallback);
        return writer.ToString();
    }

    [Fact]
    public void One_line_sits_between_its_tags_escaped_and_trimmed() =>
        Summary("Values < now & > later */ stay text \t ").ShouldBe("    /// <summary>Values &lt; now &amp; &gt; later */ stay text</summary>\n");

    [Fact]
    public void Missing_or_blank_text_takes_the_fallback_as_it_is()
    {
        Summary(null, "The <c>x</c> value.").ShouldBe("    /// <summary>The <c>x</c> value.</summary>\n");
        Summary(" \r\n\t", "The <c>x</c> value.").ShouldBe("    /// <summary>The <c>x</c> value.</summary>\n");
    }

    [Fact]
    public void Every_kind_of_line_break_starts_a_line_and_blank_lines_inside_are_paragraphs() =>
        Summary("first\r\nsecond\rthird\u2028fourth\u2029fifth\u0085sixth\n\n  \nlast\n\n").ShouldBe(
            "    /// <summary>\n" +
            "    /// first\n    /// second\n    /// third\n    /// fourth\n    /// fifth\n    /// sixth\n" +
            "    /// <para/>\n    /// <para/>\n" +
            "    /// last\n" +
            "    /// </summary>\n");

    [Fact]
    public void Leading_blank_lines_are_kept_and_trailing_ones_dropped_so_one_text_line_stays_inline()
    {
        Summary("\nbody").ShouldBe("    /// <summary>\n    /// <para/>\n    /// body\n    /// </summary>\n");
        Summary("body\n \n\u0001\n").ShouldBe("    /// <summary>body</summary>\n");
    }

    [Fact]
    public void Characters_xml_forbids_are_replaced_and_control_characters_dropped() =>
        Summary("a\u0001b\uFFFEc\uD800d\uD83D\uDE00e\u0007").ShouldBe("    /// <summary>ab\uFFFDc\uFFFDd\uD83D\uDE00e</summary>\n");

    [Fact]
    public void A_fallback_naming_a_wire_name_escapes_it_and_is_used_only_without_text()
    {
        var writer = new SourceWriter();
        DocComments.Summary(writer, null, "The ", "a<b>&c", " value.");
        DocComments.Summary(writer, "Described.", "The ", "a<b>&c", " value.");
        writer.ToString().ShouldBe("/// <summary>The <c>a&lt;b&gt;&amp;c</c> value.</summary>\n/// <summary>Described.</summary>\n");
    }
}
