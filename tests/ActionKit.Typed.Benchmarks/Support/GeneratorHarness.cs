using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using ActionKit.Typed.Benchmarks.Catalog;
using ActionKit.Typed.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ActionKit.Typed.Benchmarks.Support;

/// <summary>
/// Drives <see cref="ActionKitGenerator"/> the way the compiler does: a <see cref="CSharpGeneratorDriver"/> over a
/// compilation, the schema files as additional texts tagged <c>ActionKitKind=Schema</c> in analyzer-config metadata.
/// </summary>
public static class GeneratorHarness
{
    public static readonly CSharpCompilation EmptyCompilation = CSharpCompilation.Create(
        "ActionKit.Typed.Benchmarks.Generated",
        options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static AdditionalText[] Texts(IEnumerable<SyntheticFile> files) =>
        files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, SourceText.From(f.Text, Encoding.UTF8))).ToArray();

    /// <summary>A driver with no cached state, as a fresh compiler process (or a changed generator) starts.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts) =>
        CSharpGeneratorDriver.Create(
            new[] { new ActionKitGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            SchemaOptionsProvider.Instance,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    /// <summary>Runs the driver and touches every generated text, so nothing lazy escapes the measurement.</summary>
    public static GeneratorDriver Run(GeneratorDriver driver, out long generatedChars)
    {
        driver = driver.RunGenerators(EmptyCompilation, CancellationToken.None);
        generatedChars = 0;
        foreach (var result in driver.GetRunResult().Results)
        {
            foreach (var source in result.GeneratedSources)
            {
                generatedChars += source.SourceText.Length;
            }
        }

        return driver;
    }

    /// <summary>The generated sources by hint name, for checks outside the measured code.</summary>
    public static ImmutableDictionary<string, string> Sources(GeneratorDriver driver) =>
        driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources)
            .ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString());

    public static ImmutableArray<Diagnostic> Diagnostics(GeneratorDriver driver) =>
        driver.GetRunResult().Diagnostics;
}

/// <summary>An additional file held in memory.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, SourceText text)
    {
        Path = path;
        _text = text;
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Options as the package's build files set them: every additional file is an ActionKit schema.</summary>
public sealed class SchemaOptionsProvider : AnalyzerConfigOptionsProvider
{
    public static readonly SchemaOptionsProvider Instance = new();

    private static readonly DictionaryOptions Schema = new(new Dictionary<string, string>
    {
        ["build_metadata.AdditionalFiles.ActionKitKind"] = "Schema",
    });

    private static readonly DictionaryOptions Global = new(new Dictionary<string, string>
    {
        ["build_property.ActionKitNamespace"] = "Bench.ActionKit",
    });

    public override AnalyzerConfigOptions GlobalOptions => Global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Schema;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
