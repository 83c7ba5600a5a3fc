using System;
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

    /// <summary>One line: the indentation goes before its first character, so an empty line stays empty.</summary>
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
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            if (!_started)
            {
                _writer.Indent();
                _started = true;
            }

            _writer._builder.Append(value);
        }

        // Counters in generated code (p0, case 1:) are never negative: their digits need no culture and no string.
        public void AppendFormatted(int value)
        {
            if (value < 0)
            {
                AppendFormatted(value.ToString(CultureInfo.InvariantCulture));
                return;
            }

            if (!_started)
            {
                _writer.Indent();
                _started = true;
            }

            _writer._builder.Append(value);
        }
    }

    /// <summary>Lines of a template: each line's indentation goes before its first character, and CRLF reads as LF.</summary>
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

        public void AppendFormatted(int value) => AppendFormatted(value.ToString(CultureInfo.InvariantCulture));

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
                if (contentEnd > start)
                {
                    if (!_lineStarted)
                    {
                        _writer.Indent();
                        _lineStarted = true;
                    }

                    _writer._builder.Append(value, start, contentEnd - start);
                }

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
