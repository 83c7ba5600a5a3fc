using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ActionKit.Typed.Benchmarks.Catalog;
using ActionKit.Typed.Benchmarks.Support;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using NJsonSchema;
using NJsonSchema.CodeGeneration.CSharp;

namespace ActionKit.Typed.Benchmarks.Generator;

/// <summary>
/// The generator from cold over synthetic catalogs, against the floor (parsing the same files with JsonDocument and
/// walking every value) and the peer (NJsonSchema's C# generator over each action's parameters schema, the baseline).
/// Budgets: 5,000 actions cold under 2 s; at least 10× faster than the peer (Ratio ≤ 0.10).
/// </summary>
[Config(typeof(SlowBenchConfig))]
public class GeneratorBenchmarks
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 128,
    };

    private string[] _fileTexts = Array.Empty<string>();
    private AdditionalText[] _additionalTexts = Array.Empty<AdditionalText>();
    private string[] _parameters = Array.Empty<string>();

    [Params(100, 1_000, 5_000)]
    public int Actions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var files = SyntheticCatalog.Build(Actions);
        _fileTexts = files.Select(f => f.Text).ToArray();
        _additionalTexts = GeneratorHarness.Texts(files);
        _parameters = files.SelectMany(f => f.ParametersJson).ToArray();

        // The measured generator must generate every action, with no error: check once, outside the measurement.
        var driver = GeneratorHarness.Run(GeneratorHarness.CreateDriver(_additionalTexts), out _);
        var errors = GeneratorHarness.Diagnostics(driver).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The generator reported errors on the synthetic catalog: " + string.Join("; ", errors.Take(5)));
        }
    }

    /// <summary>The floor: parse each file with JsonDocument and visit every value; no model, no code.</summary>
    [Benchmark]
    public long JsonDocumentFloor()
    {
        long visited = 0;
        foreach (var text in _fileTexts)
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            visited += Walk(document.RootElement);
        }

        return visited;
    }

    /// <summary>A fresh driver (no cached state) over every file, with all generated text produced.</summary>
    [Benchmark]
    public long Generator_Cold()
    {
        GeneratorHarness.Run(GeneratorHarness.CreateDriver(_additionalTexts), out var chars);
        return chars;
    }

    /// <summary>The peer: for each action, NJsonSchema reads its parameters schema and generates a C# file.</summary>
    [Benchmark(Baseline = true)]
    public long NJsonSchemaPeer()
    {
        long chars = 0;
        foreach (var json in _parameters)
        {
            var schema = JsonSchema.FromJsonAsync(json).GetAwaiter().GetResult();
            var settings = new CSharpGeneratorSettings
            {
                Namespace = "Bench.Peer",
                JsonLibrary = CSharpJsonLibrary.SystemTextJson,
                GenerateNullableReferenceTypes = true,
            };
            chars += new CSharpGenerator(schema, settings).GenerateFile().Length;
        }

        return chars;
    }

    private static long Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                long inObject = 1;
                foreach (var property in element.EnumerateObject())
                {
                    inObject += property.Name.Length + Walk(property.Value);
                }

                return inObject;
            case JsonValueKind.Array:
                long inArray = 1;
                foreach (var item in element.EnumerateArray())
                {
                    inArray += Walk(item);
                }

                return inArray;
            case JsonValueKind.String:
                return element.GetString()!.Length;
            default:
                return 1;
        }
    }
}
