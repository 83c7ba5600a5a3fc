using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using ActionKit.Typed.Generator.Diagnostics;
using ActionKit.Typed.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>
/// One input file, or one tool of a file, being read: its text, its UTF-8 form (as System.Text.Json reads it), and the
/// diagnostics found so far, located on demand.
/// </summary>
internal sealed class SchemaSource : IDisposable
{
    // Fails on an unpaired surrogate instead of replacing it, as System.Text.Json does when it parses text.
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // What ends a line for SourceText.Lines.
    private static readonly char[] LineBreaks = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

    private SourceText? _text;
    private byte[]? _utf8;
    private int _utf8Length;
    private bool _validUtf16 = true;
    private JsonLocator? _locator;

    // The last located byte offset and its char offset: files are located front to back, so counting from there is linear.
    private int _checkpointByte;
    private int _checkpointChar;

    // The last char offset given a line and column, with its line and where that line starts (see Position).
    private int _lineCheckpoint;
    private int _line;
    private int _lineStart;

    public SchemaSource(string path, SourceText text)
        : this(path, Whole(text.ToString()))
    {
        _text = text;
    }

    public SchemaSource(string path, TextSlice chars)
    {
        Path = path;
        Chars = chars;
    }

    public string Path { get; }

    /// <summary>The text being read: a whole file, or a tool within its file's text.</summary>
    public TextSlice Chars { get; }

    /// <summary>The text as a <see cref="SourceText"/>, made only when a syntax error needs its lines.</summary>
    public SourceText Text => _text ??= SourceText.From(Chars.ToString());

    /// <summary>False when the text holds an unpaired surrogate: its UTF-8 form then has U+FFFD in its place.</summary>
    public bool IsValidUtf16
    {
        get
        {
            Utf8Buffer();
            return _validUtf16;
        }
    }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    /// <summary>The text as UTF-8, as System.Text.Json reads it; valid until the source is disposed.</summary>
    public ReadOnlyMemory<byte> Utf8 => new(Utf8Buffer(), 0, _utf8Length);

    /// <summary>Gives the UTF-8 buffer back to the pool.</summary>
    public void Dispose()
    {
        if (_utf8 is not null)
        {
            ArrayPool<byte>.Shared.Return(_utf8);
            _utf8 = null;
            _locator = null;
        }
    }

    private static TextSlice Whole(string text) => new(text, 0, text.Length);

    /// <summary>
    /// The text encoded once, into a pooled buffer that the parser, the splitter and the locator all read: a file's
    /// would otherwise be a new large array per file, and a tool's one per tool.
    /// </summary>
    private byte[] Utf8Buffer()
    {
        if (_utf8 is not null)
        {
            return _utf8;
        }

        var text = Chars;
        var buffer = ArrayPool<byte>.Shared.Rent(MaxByteCount(text));
        try
        {
            _utf8Length = StrictUtf8.GetBytes(text.Source, text.Start, text.Length, buffer, 0);
        }
        catch (EncoderFallbackException)
        {
            _utf8Length = Encoding.UTF8.GetBytes(text.Source, text.Start, text.Length, buffer, 0);
            _validUtf16 = false;
        }

        return _utf8 = buffer;
    }

    /// <summary>A whole file is counted exactly, its buffer being large; a tool is small and takes the most it could need.</summary>
    private static int MaxByteCount(TextSlice text) =>
        text.Start == 0 && text.Length == text.Source.Length ? Encoding.UTF8.GetByteCount(text.Source) : Encoding.UTF8.GetMaxByteCount(text.Length);

    public void Report(DiagnosticDescriptor descriptor, JsonPath? path, params string[] arguments) =>
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, Locate(path), arguments));

    public void ReportAt(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    /// <summary>The location of the value at <paramref name="path"/>, or the file's start when it cannot be found.</summary>
    public LocationInfo Locate(JsonPath? path)
    {
        if (path is null || (_locator ??= new JsonLocator(Utf8)).Find(path) is not { } span)
        {
            return LocationInfo.FileStart(Path);
        }

        return LocateUtf8(span.Start, span.End);
    }

    /// <summary>The location of a byte span of the file's UTF-8 text.</summary>
    public LocationInfo LocateUtf8(int byteStart, int byteEnd)
    {
        var start = CharOffset(byteStart);
        var length = CharCount(byteStart, byteEnd);
        return FromSpan(new TextSpan(start, Math.Min(length, Math.Max(0, Chars.Length - start))));
    }

    /// <summary>The char offset of a byte offset that starts a JSON token (so never inside a UTF-8 sequence).</summary>
    public int CharOffset(int byteOffset)
    {
        if (byteOffset < _checkpointByte)
        {
            _checkpointByte = 0;
            _checkpointChar = 0;
        }

        _checkpointChar += CharCount(_checkpointByte, byteOffset);
        _checkpointByte = byteOffset;
        return _checkpointChar;
    }

    /// <summary>How many chars a span of the UTF-8 text decodes to.</summary>
    public int CharCount(int byteStart, int byteEnd) => Encoding.UTF8.GetCharCount(Utf8Buffer(), byteStart, byteEnd - byteStart);

    /// <summary>A string or property name that parses but cannot be read as a .NET string, located; or null.</summary>
    public LocationInfo? FindUnreadableString() =>
        JsonLocator.FindUnreadableString(Utf8.Span) is { } span ? LocateUtf8(span.Start, span.End) : null;

    /// <summary>
    /// The location of a line and byte column, as <see cref="System.Text.Json.JsonException"/> reports them: the column
    /// counts UTF-8 bytes, so it is turned back into characters (a line with "Größe" before the error is off otherwise).
    /// </summary>
    /// <summary>Reports AKT0002 for a file that holds a NUL (binary) or only white space; true when the file can be read.</summary>
    public bool CheckReadable(string content)
    {
        var problem = content.IndexOf('\0') >= 0 ? "binary" : string.IsNullOrWhiteSpace(content) ? "empty" : null;
        if (problem is not null)
        {
            ReportAt(DiagnosticDescriptors.EmptyOrBinaryFile, LocationInfo.FileStart(Path), Path, problem);
        }

        return problem is null;
    }

    /// <summary>Reports a syntax error where the reader stopped; the location carries the line and column, so the message drops System.Text.Json's own (zero-based, in bytes).</summary>
    public void ReportInvalidJson(System.Text.Json.JsonException exception)
    {
        var message = exception.Message;
        var position = message.IndexOf(" LineNumber:", System.StringComparison.Ordinal);
        message = (position >= 0 ? message.Substring(0, position) : message).Trim();
        ReportAt(DiagnosticDescriptors.InvalidJson, LocateLine(exception.LineNumber, exception.BytePositionInLine), Path, message);
    }

    public LocationInfo LocateLine(long? line, long? bytePositionInLine)
    {
        var lineIndex = (int)Math.Min(Math.Max(0, line ?? 0), Math.Max(0, Text.Lines.Count - 1));
        var textLine = Text.Lines[lineIndex];
        var lineText = Text.ToString(textLine.Span);
        var bytes = Math.Max(0, bytePositionInLine ?? 0);
        var column = 0;
        for (long consumed = 0; column < lineText.Length && consumed < bytes; column++)
        {
            if (char.IsHighSurrogate(lineText[column]) && column + 1 < lineText.Length && char.IsLowSurrogate(lineText[column + 1]))
            {
                consumed += 4;
                column++;
            }
            else
            {
                consumed += lineText[column] < 0x80 ? 1 : lineText[column] < 0x800 ? 2 : 3;
            }
        }

        return FromSpan(new TextSpan(textLine.Start + column, 0));
    }

    private LocationInfo FromSpan(TextSpan span)
    {
        var start = Position(span.Start);
        var end = Position(span.End);
        return new LocationInfo(Path, span.Start, span.Length, start.Line, start.Character, end.Line, end.Character);
    }

    /// <summary>
    /// The line and column of a char offset, as <see cref="SourceText.Lines"/> gives them (CR LF, CR, LF, NEL, LS and PS
    /// end a line), counted on from the previous offset asked for: a tool's name sits near its start, and building the
    /// line table would read every tool to its end.
    /// </summary>
    public LinePosition Position(int offset)
    {
        var text = Chars.AsSpan();
        if (offset < _lineCheckpoint)
        {
            _lineCheckpoint = 0;
            _line = 0;
            _lineStart = 0;
        }

        // Searched for rather than tested char by char: a large file's tools are placed with one pass over it.
        var i = _lineCheckpoint;
        while (i < offset)
        {
            var next = text.Slice(i, offset - i).IndexOfAny(LineBreaks.AsSpan());
            if (next < 0)
            {
                break;
            }

            i += next;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                // CR LF is one break; an offset on its LF is still on the CR's line (the LF counts once it is passed).
                if (i + 1 == offset)
                {
                    break;
                }

                i++;
            }

            _line++;
            _lineStart = i + 1;
            i++;
        }

        _lineCheckpoint = offset;
        return new LinePosition(_line, offset - _lineStart);
    }
}
