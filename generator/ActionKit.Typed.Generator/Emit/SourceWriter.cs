using System;
using System.Text;

namespace ActionKit.Typed.Generator.Emit;

/// <summary>
/// Appends lines at the current indentation. Templates are raw strings: each of their lines is indented as a block,
/// so emitters read like the code they produce. Always LF, so output is byte-identical on every platform.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter(int indent = 0) => _indent = indent;

    /// <summary>Appends text another writer produced, as it is.</summary>
    public SourceWriter Raw(string text)
    {
        _builder.Append(text);
        return this;
    }

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
        }

        _builder.Append(text).Append('\n');
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
                _builder.Append(' ', _indent * 4).Append(text, start, length);
            }

            _builder.Append('\n');
            if (end < 0)
            {
                return this;
            }

            start = end + 1;
        }
    }

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

    public override string ToString() => _builder.ToString();

    private sealed class Closer : IDisposable
    {
        private readonly SourceWriter _writer;

        public Closer(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer.Close();
    }
}
