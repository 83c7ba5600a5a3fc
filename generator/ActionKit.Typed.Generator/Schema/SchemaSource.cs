using System;
using System.Collections.Generic;
using System.Text;
using ActionKit.Typed.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>One input file being read: its text, and the diagnostics found so far, located on demand.</summary>
internal sealed class SchemaSource
{
    private byte[]? _utf8;
    private JsonLocator? _locator;

    // The last located byte offset and its char offset: files are located front to back, so counting from there is linear.
    private int _checkpointByte;
    private int _checkpointChar;

    // The last char offset given a line and column, with its line and where that line starts (see Position).
    private int _lineCheckpoint;
    private int _line;
    private int _lineStart;

    public SchemaSource(string path, SourceText text)
    {
        Path = path;
        Text = text;
    }

    public string Path { get; }

    public SourceText Text { get; }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    /// <summary>The file's text as UTF-8, as System.Text.Json reads it.</summary>
    public byte[] Utf8 => _utf8 ??= Encoding.UTF8.GetBytes(Text.ToString());

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
        var length = Encoding.UTF8.GetCharCount(Utf8, byteStart, byteEnd - byteStart);
        return FromSpan(new TextSpan(start, Math.Min(length, Math.Max(0, Text.Length - start))));
    }

    /// <summary>The char offset of a byte offset that starts a JSON token (so never inside a UTF-8 sequence).</summary>
    public int CharOffset(int byteOffset)
    {
        if (byteOffset < _checkpointByte)
        {
            _checkpointByte = 0;
            _checkpointChar = 0;
        }

        _checkpointChar += Encoding.UTF8.GetCharCount(Utf8, _checkpointByte, byteOffset - _checkpointByte);
        _checkpointByte = byteOffset;
        return _checkpointChar;
    }

    /// <summary>A string or property name that parses but cannot be read as a .NET string, located; or null.</summary>
    public LocationInfo? FindUnreadableString() =>
        JsonLocator.FindUnreadableString(Utf8) is { } span ? LocateUtf8(span.Start, span.End) : null;

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
    private Microsoft.CodeAnalysis.Text.LinePosition Position(int offset)
    {
        if (offset < _lineCheckpoint)
        {
            _lineCheckpoint = 0;
            _line = 0;
            _lineStart = 0;
        }

        for (var i = _lineCheckpoint; i < offset; i++)
        {
            var ch = Text[i];
            if (ch == '\r' && i + 1 < Text.Length && Text[i + 1] == '\n')
            {
                // CR LF is one break; an offset on its LF is still on the CR's line (the LF counts once it is passed).
                if (i + 1 == offset)
                {
                    break;
                }

                i++;
            }
            else if (ch is not ('\r' or '\n' or '\u0085' or '\u2028' or '\u2029'))
            {
                continue;
            }

            _line++;
            _lineStart = i + 1;
        }

        _lineCheckpoint = offset;
        return new Microsoft.CodeAnalysis.Text.LinePosition(_line, offset - _lineStart);
    }
}
