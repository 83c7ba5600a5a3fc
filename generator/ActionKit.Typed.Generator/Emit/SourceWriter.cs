using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ActionKit.Typed.Generator.Emit;

/// <summary>
/// Appends lines at the current indentation. Templates are raw strings: each of their lines is indented as a block,
/// so emitters read like the code they produce. Always LF, so output is byte-identical on every platform.
/// </summary>
internal sealed partial class SourceWriter
{
    private readonly StringBuilder _builder;
    private readonly List<string> _parts = new();
    private int _indent;

    public SourceWriter(int indent = 0)
        : this(new StringBuilder(), indent)
    {
    }

    /// <summary>A writer over a builder the caller reuses; <see cref="ToString"/> leaves the builder empty.</summary>
    public SourceWriter(StringBuilder builder, int indent = 0)
    {
        _builder = builder;
        _indent = indent;
    }

    /// <summary>
    /// Adds text another writer produced, as it is. The text is kept as its own part rather than copied, so a file
    /// joined from many cached pieces is copied once, into the compiler's text (see <see cref="ToSourceText"/>).
    /// </summary>
    public SourceWriter Raw(string text)
    {
        if (text.Length > 0)
        {
            Flush();
            _parts.Add(text);
        }

        return this;
    }

    /// <summary>The text as the compiler's <see cref="SourceText"/>, read from the parts without joining them first.</summary>
    public SourceText ToSourceText()
    {
        Flush();
        return new PartsText(_parts, Encoding.UTF8);
    }

    private void Flush()
    {
        if (_builder.Length > 0)
        {
            _parts.Add(_builder.ToString());
            _builder.Clear();
        }
    }

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            Indent();
        }

        _builder.Append(text).Append('\n');
        return this;
    }

    /// <summary>Writes one line: <paramref name="before"/>, <c>text[start..end)</c> escaped as XML doc text, then <paramref name="after"/>.</summary>
    public SourceWriter XmlLine(string before, string text, int start, int end, string after)
    {
        Indent();
        Literals.AppendXml(_builder.Append(before), text, start, end).Append(after).Append('\n');
        return this;
    }

    /// <summary>Writes a multi-line template, each line at the current indentation.</summary>
    public SourceWriter Block(string template)
    {
        var text = template.Replace("\r\n", "\n");
        var start = 0;
        while (true)
        {
            // Each line as Line() writes it, appended in place rather than split into new strings.
            var end = text.IndexOf('\n', start);
            var length = (end < 0 ? text.Length : end) - start;
            if (length > 0)
            {
                Indent();
                _builder.Append(text, start, length);
            }

            _builder.Append('\n');
            if (end < 0)
            {
                return this;
            }

            start = end + 1;
        }
    }

    private void Indent() => _builder.Append(' ', _indent * 4);

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public IDisposable Braces(string header)
    {
        Open(header);
        return new Closer(this);
    }

    public override string ToString()
    {
        Flush();
        return _parts.Count == 1 ? _parts[0] : string.Concat(_parts);
    }

    private sealed class Closer : IDisposable
    {
        private readonly SourceWriter _writer;

        public Closer(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer.Close();
    }
}
