using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ActionKit.Typed.Generator.Tests.Support;

/// <summary>An input file for the generator, as MSBuild would hand it over: a path, its text and its ActionKitKind.</summary>
internal sealed record InputFile(string Path, string Text, string Kind = "Schema")
{
    public static InputFile Schema(string path, string text) => new(path, text, "Schema");

    public static InputFile Annotation(string path, string text) => new(path, text, "Annotation");
}

/// <summary>An additional file held in memory.</summary>
internal sealed class MemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public MemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Global build properties and per-file item metadata, as the editorconfig MSBuild generates would give them.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, TestOptions> _files;

    public TestOptionsProvider(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> files)
    {
        GlobalOptions = new TestOptions(global);
        _files = files.ToDictionary(f => f.Key, f => new TestOptions(f.Value), StringComparer.Ordinal);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _files.TryGetValue(textFile.Path, out var options) ? options : TestOptions.Empty;

    public static TestOptionsProvider For(IEnumerable<InputFile> files, string ns) => new(
        new Dictionary<string, string> { ["build_property.ActionKitNamespace"] = ns },
        files.GroupBy(f => f.Path).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ActionKitKind"] = g.First().Kind }));

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(new Dictionary<string, string>());

        private readonly IReadOnlyDictionary<string, string> _values;

        public TestOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value)
        {
            if (_values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = null!;
            return false;
        }
    }
}
