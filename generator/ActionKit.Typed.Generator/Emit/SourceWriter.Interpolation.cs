using System.Globalization;
using System.Runtime.CompilerServices;

namespace ActionKit.Typed.Generator.Emit;

/// <summary>
/// Interpolated lines and templates written straight into the builder, piece by piece, with the same result as the
/// string overloads: the compiler hands each literal part and each value to a handler instead of joining them first.
/// </summary>
internal sealed partial class SourceWriter
{
    /// <summary>Writes an interpolated line, as <see cref="Line(string)"/> would write the string it stands for.</summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref TextHandler text)
    {
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes an interpolated template, as <see cref="Block(string)"/> would write the string it stands for.</summary>
    public SourceWriter Block([InterpolatedStringHandlerArgument("")] ref BlockHandler template)
    {
        _builder.Append('\n');
        return this;
    }

    // Text inside the current line: the indentation goes before the line's first character, so an empty line stays empty.
    private void AppendToLine(ref bool lineStarted, string value, int start, int length)
    {
        if (length == 0)
        {
            return;
        }

        if (!lineStarted)
        {
            Indent();
            lineStarted = true;
        }

        _builder.Append(value, start, length);
    }

    // Counters in generated code (p0, case 1:) are never negative: their digits need no culture and no string.
    private void AppendToLine(ref bool lineStarted, int value)
    {
        if (value < 0)
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            AppendToLine(ref lineStarted, text, 0, text.Length);
            return;
        }

        if (!lineStarted)
        {
            Indent();
            lineStarted = true;
        }

        _builder.Append(value);
    }

    /// <summary>One line, written as it is.</summary>
    [InterpolatedStringHandler]
    internal ref struct TextHandler
    {
        private readonly SourceWriter _writer;
        private bool _started;

        public TextHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _writer = writer;
            _started = false;
        }

        public void AppendLiteral(string value) => AppendFormatted(value);

        public void AppendFormatted(string? value)
        {
            if (value is not null)
            {
                _writer.AppendToLine(ref _started, value, 0, value.Length);
            }
        }

        public void AppendFormatted(int value) => _writer.AppendToLine(ref _started, value);
    }

    /// <summary>Lines of a template, each at the current indentation; CRLF reads as LF.</summary>
    [InterpolatedStringHandler]
    internal ref struct BlockHandler
    {
        private readonly SourceWriter _writer;
        private bool _lineStarted;

        public BlockHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _writer = writer;
            _lineStarted = false;
        }

        public void AppendLiteral(string value) => AppendFormatted(value);

        public void AppendFormatted(int value) => _writer.AppendToLine(ref _lineStarted, value);

        public void AppendFormatted(string? value)
        {
            if (value is null)
            {
                return;
            }

            var start = 0;
            while (start < value.Length)
            {
                var end = value.IndexOf('\n', start);
                var lineEnd = end < 0 ? value.Length : end;

                // A CR before LF belongs to the line break, as Block(string) reads it.
                var contentEnd = end >= 0 && lineEnd > start && value[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                _writer.AppendToLine(ref _lineStarted, value, start, contentEnd - start);
                if (end < 0)
                {
                    return;
                }

                _writer._builder.Append('\n');
                _lineStarted = false;
                start = end + 1;
            }
        }
    }
}
