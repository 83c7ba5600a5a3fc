using System;
using System.Linq;
using ActionKit.Typed.Benchmarks.Catalog;
using ActionKit.Typed.Benchmarks.Support;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace ActionKit.Typed.Benchmarks.Generator;

/// <summary>
/// The edit loop: a driver that has already run over the whole catalog sees one schema file change (one property added
/// to one action) and runs again. The baseline is the cold run over the same catalog, so Ratio is the share of a full
/// generation that an edit costs; NoChange shows the floor of a re-run where every step is cached.
/// Budget: the one-schema edit re-run under 50 ms at 5,000 actions.
/// </summary>
[Config(typeof(FastBenchConfig))]
public class GeneratorEditBenchmarks
{
    private AdditionalText[] _texts = Array.Empty<AdditionalText>();
    private AdditionalText _original = null!;
    private AdditionalText _edited = null!;
    private GeneratorDriver _primed = null!;

    [Params(5_000)]
    public int Actions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var files = SyntheticCatalog.Build(Actions);
        var editedFiles = SyntheticCatalog.Build(Actions, editAction: SyntheticCatalog.EditTarget(Actions));
        _texts = GeneratorHarness.Texts(files);
        _original = _texts[0];
        _edited = GeneratorHarness.Texts(editedFiles.Take(1))[0];
        _primed = GeneratorHarness.Run(GeneratorHarness.CreateDriver(_texts), out _);

        // The edit must change exactly the edited integration's output, and that output must show the new property.
        var before = GeneratorHarness.Sources(_primed);
        var after = GeneratorHarness.Sources(GeneratorHarness.Run(_primed.ReplaceAdditionalText(_original, _edited), out _));
        var changed = before.Keys.Where(k => !after.TryGetValue(k, out var text) || text != before[k]).ToList();
        if (changed.Count != 1 || !after[changed[0]].Contains(SyntheticCatalog.EditedPropertyName, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected the edit to change one generated file; changed: {string.Join(", ", changed)}");
        }
    }

    [Benchmark(Baseline = true)]
    public long Generator_Cold()
    {
        GeneratorHarness.Run(GeneratorHarness.CreateDriver(_texts), out var chars);
        return chars;
    }

    [Benchmark]
    public long Generator_OneSchemaEdit()
    {
        GeneratorHarness.Run(_primed.ReplaceAdditionalText(_original, _edited), out var chars);
        return chars;
    }

    [Benchmark]
    public long Generator_NoChange()
    {
        GeneratorHarness.Run(_primed, out var chars);
        return chars;
    }
}
