using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using ActionKit.Typed.Generator.Diagnostics;
using ActionKit.Typed.Generator.Model;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>
/// Cuts a schema file into its tools without reading them: the file is checked once with <see cref="Utf8JsonReader"/>,
/// then its envelope is walked and each tool's text is taken as it is written. Reading and typing each tool happen
/// per tool, so a change to one tool leaves the others' items equal.
/// </summary>
internal sealed class ToolSplitter
{
    // The settings a tool is later parsed with, so the file is accepted here exactly when its tools can be read.
    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = SchemaFileReader.DocumentOptions.AllowTrailingCommas,
        CommentHandling = SchemaFileReader.DocumentOptions.CommentHandling,
        MaxDepth = SchemaFileReader.DocumentOptions.MaxDepth,
    };

    private readonly SchemaSource _source;
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly string? _integration;
    private readonly CancellationToken _cancellationToken;
    private (int Start, int End)? _unreadable;

    // An escaped string decodes to at most as many chars as its escaped UTF-8 bytes.
    private char[] _decoded = new char[256];

    private ToolSplitter(SchemaSource source, string? integration, CancellationToken cancellationToken)
    {
        _source = source;
        _utf8 = source.Utf8;
        _integration = integration;
        _cancellationToken = cancellationToken;
    }

    public List<ToolItem> Tools { get; } = new();

    public List<ToolAnchor> Anchors { get; } = new();

    public static ToolSplitter? Split(SchemaSource source, string? integration, CancellationToken cancellationToken)
    {
        if (!source.CheckReadable(source.Chars.Source))
        {
            return null;
        }

        var splitter = new ToolSplitter(source, integration, cancellationToken);
        return splitter.Run() ? splitter : null;
    }

    /// <summary>
    /// One pass over the whole file that both checks it and cuts it: a syntax error is reported where the reader
    /// stopped, and a string that parses but escapes an unpaired UTF-16 surrogate ("\uD800") where it is (only escaped
    /// strings are decoded to look for those). Either way the file yields no tools and no other diagnostic.
    /// </summary>
    private bool Run()
    {
        var reader = new Utf8JsonReader(_utf8.Span, Options);
        var diagnostics = _source.Diagnostics.Count;
        try
        {
            Walk(ref reader);

            // Anything after the top-level value is an error the reader reports here.
            while (Next(ref reader))
            {
            }
        }
        catch (JsonException ex)
        {
            Discard(diagnostics);
            _source.ReportInvalidJson(ex);
            return false;
        }

        if (_unreadable is { } span)
        {
            Discard(diagnostics);
            _source.ReportAt(DiagnosticDescriptors.InvalidJson, _source.LocateUtf8(span.Start, span.End), _source.Path, "a string escapes an unpaired UTF-16 surrogate");
            return false;
        }

        return true;
    }

    private void Discard(int diagnostics)
    {
        Tools.Clear();
        Anchors.Clear();
        _source.Diagnostics.RemoveRange(diagnostics, _source.Diagnostics.Count - diagnostics);
    }

    /// <summary>Reads the next token, noting the first string that cannot be decoded.</summary>
    private bool Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return false;
        }

        if (_unreadable is null && reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueSpan.IndexOf((byte)'\\') >= 0)
        {
            try
            {
                // Decoded into a reused buffer: only whether it decodes matters, not the string.
                if (_decoded.Length < reader.ValueSpan.Length)
                {
                    _decoded = new char[Math.Max(reader.ValueSpan.Length, _decoded.Length * 2)];
                }

                reader.CopyString(_decoded);
            }
            catch (InvalidOperationException)
            {
                // The quotes around the raw (still escaped) value.
                var start = (int)reader.TokenStartIndex;
                _unreadable = (start, start + reader.ValueSpan.Length + 2);
            }
        }

        return true;
    }

    /// <summary>Passes over the value the reader is on, as <see cref="Utf8JsonReader.Skip"/> but checking its strings.</summary>
    private void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.PropertyName)
        {
            Next(ref reader);
        }

        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var depth = reader.CurrentDepth;
            while (Next(ref reader) && reader.CurrentDepth > depth)
            {
            }
        }
    }

    private void Walk(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                ReadTools(ref reader, _integration);
                return;

            case JsonTokenType.StartObject:
                string? catalog = null;
                var catalogDiagnostics = _source.Diagnostics.Count;
                var bare = false;
                var root = (int)reader.TokenStartIndex;
                while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.ValueTextEquals("actions") ? "actions" : reader.ValueTextEquals("tools") ? "tools" : null;
                    bare |= reader.ValueTextEquals("function") || reader.ValueTextEquals("name");
                    Next(ref reader);

                    // As JsonElement.TryGetProperty: "actions" wins over "tools", and of repeated names the last counts.
                    if (key is not null && (key == "actions" || catalog != "actions"))
                    {
                        catalog = key;
                        Tools.Clear();
                        Anchors.Clear();
                        _source.Diagnostics.RemoveRange(catalogDiagnostics, _source.Diagnostics.Count - catalogDiagnostics);
                        ReadCatalog(ref reader, key);
                    }
                    else
                    {
                        Skip(ref reader);
                    }
                }

                if (catalog is null && bare)
                {
                    AddTool(root, (int)reader.BytesConsumed, _integration);
                }
                else if (catalog is null)
                {
                    _source.Report(DiagnosticDescriptors.UnrecognizedEnvelope, JsonPath.Root, _source.Path, "the top level is an object");
                }

                return;

            default:
                _source.Report(DiagnosticDescriptors.UnrecognizedEnvelope, JsonPath.Root, _source.Path, $"the top level is {Describe(reader.TokenType)}");
                return;
        }
    }

    /// <summary>The reader is on the catalog's value: an object keyed by integration, each an array of tools.</summary>
    private void ReadCatalog(ref Utf8JsonReader reader, string key)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            _source.Report(DiagnosticDescriptors.UnrecognizedEnvelope, JsonPath.Root.Prop(key), _source.Path, $"'{key}' must be an object keyed by integration");
            Skip(ref reader);
            return;
        }

        while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            string name;
            try
            {
                name = reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                // An undecodable name: the whole file is reported as such once the pass ends.
                name = string.Empty;
            }

            Next(ref reader);
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                _source.Report(DiagnosticDescriptors.UnrecognizedEnvelope, JsonPath.Root.Prop(key).Prop(name), _source.Path, $"integration '{name}' must be an array of tools");
                Skip(ref reader);
                continue;
            }

            ReadTools(ref reader, _integration ?? name);
        }
    }

    /// <summary>The reader is on an array whose every element is a tool; it is left on the array's end.</summary>
    private void ReadTools(ref Utf8JsonReader reader, string? integration)
    {
        while (Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            Skip(ref reader);
            AddTool(start, (int)reader.BytesConsumed, integration);
        }
    }

    private void AddTool(int byteStart, int byteEnd, string? integration)
    {
        var start = _source.CharOffset(byteStart);
        var length = Math.Min(_source.CharCount(byteStart, byteEnd), _source.Chars.Length - start);

        // Counted on from the previous tool rather than from a line table of the whole file, which the file's text would keep.
        var position = _source.Position(start);
        Tools.Add(new ToolItem(_source.Path, integration, Tools.Count, new TextSlice(_source.Chars.Source, _source.Chars.Start + start, length)));
        Anchors.Add(new ToolAnchor(start, position.Line, position.Character));
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "missing",
    };
}
