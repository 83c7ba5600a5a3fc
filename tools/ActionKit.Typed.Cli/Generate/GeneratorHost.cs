using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using ActionKit.Typed.Cli.Common;
using ActionKit.Typed.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ActionKit.Typed.Cli.Generate;

/// <summary>One generated source file.</summary>
internal sealed record GeneratedFile(string HintName, string Text);

/// <summary>What the generator produced: sources and diagnostics.</summary>
internal sealed record GenerationResult(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Runs the real <see cref="ActionKitGenerator"/> through a <see cref="CSharpGeneratorDriver"/>, with the files as
/// additional files tagged exactly as the build's targets tag them, so the output is the one a build compiles.
/// </summary>
internal static class GeneratorHost
{
    public static GenerationResult Run(IReadOnlyList<string> files, string? @namespace, CancellationToken cancellationToken)
    {
        var texts = files.Select(f => (AdditionalText)new FileText(f, SourceText.From(File.ReadAllText(f), Encoding.UTF8))).ToImmutableArray();
        var global = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(@namespace))
        {
            global["build_property.ActionKitNamespace"] = @namespace!;
        }

        var options = new OptionsProvider(global);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ActionKitGenerator().AsSourceGenerator() },
            texts,
            parseOptions,
            options);
        var compilation = CSharpCompilation.Create("ActionKit.Generate", syntaxTrees: null, references: null, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        driver = driver.RunGenerators(compilation, cancellationToken);
        var result = driver.GetRunResult();
        var generated = result.Results.SelectMany(r => r.GeneratedSources)
            .Select(s => new GeneratedFile(s.HintName, s.SourceText.ToString()))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToList();
        var exception = result.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
        if (exception is not null)
        {
            throw new CliException($"The generator failed: {exception.Message}");
        }

        var diagnostics = result.Diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        return new GenerationResult(generated, diagnostics);
    }

    private sealed class FileText : AdditionalText
    {
        private readonly SourceText _text;

        public FileText(string path, SourceText text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Annotation = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ActionKitKind"] = "Annotation" });
        private static readonly Options Schema = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ActionKitKind"] = "Schema" });

        public OptionsProvider(Dictionary<string, string> global) => GlobalOptions = new Options(global);

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            SchemaFiles.IsAnnotation(textFile.Path) ? Annotation : Schema;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
