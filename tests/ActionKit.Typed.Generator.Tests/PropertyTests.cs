using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ActionKit.Typed.Generator.Model;
using ActionKit.Typed.Generator.Schema;
using ActionKit.Typed.Generator.Tests.Support;
using CsCheck;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Generator.Tests;

/// <summary>
/// Thousands of random inputs: arbitrary JSON (also truncated and corrupted) and random schema shapes. The reader and
/// the whole generator never throw and never fall back to AKT0099, and a sample of the outputs compiles with no
/// warning. Inputs come from CsCheck generators driven by fixed seeds, so every run checks the same inputs;
/// ACTIONKIT_PROPERTY_SEED picks another stream to explore.
/// </summary>
public sealed class PropertyTests
{
    private static readonly ulong Seed = ulong.TryParse(Environment.GetEnvironmentVariable("ACTIONKIT_PROPERTY_SEED"), out var seed) ? seed : 20261123UL;

    /// <summary>Deterministic samples of a CsCheck generator.</summary>
    private static IEnumerable<(int Index, T Value)> Samples<T>(Gen<T> gen, int count, int stream)
    {
        var pcg = new PCG((uint)stream, Seed);
        for (var i = 0; i < count; i++)
        {
            yield return (i, gen.Generate(pcg, null, out _));
        }
    }

    private static void ReadNeverThrows(string path, string text, SchemaFileKind kind, string? integration = null)
    {
        SchemaFileModel model;
        try
        {
            model = SchemaFileReader.Read(path, SourceText.From(text), kind, integration, CancellationToken.None);
        }
        catch (Exception ex)
        {
            throw new ShouldAssertException($"SchemaFileReader.Read threw on:\n{text}", ex);
        }

        model.Diagnostics.Where(d => d.Id == "AKT0099").Select(d => string.Join(": ", d.Arguments)).ShouldBeEmpty($"internal error on:\n{text}");
    }

    [Fact]
    public void Reader_never_throws_on_random_json_documents()
    {
        var count = 0;
        foreach (var (i, node) in Samples(RandomInputs.Json(5), 3000, 1))
        {
            var text = RandomInputs.Write(node);
            ReadNeverThrows("/r/doc.json", text, SchemaFileKind.Schema);
            ReadNeverThrows("/r/doc.annotations.json", text, SchemaFileKind.Annotation);

            // Broken variants: truncated, a byte flipped, a NUL inside.
            var cut = text.Substring(0, i % (text.Length + 1));
            ReadNeverThrows("/r/cut.json", cut, SchemaFileKind.Schema);
            var chars = text.ToCharArray();
            const string noise = "{}[]\",:\\x\0\u00e9";
            chars[i % chars.Length] = noise[i % noise.Length];
            ReadNeverThrows("/r/flip.json", new string(chars), SchemaFileKind.Schema, "slack");
            count++;
        }

        count.ShouldBe(3000);
    }

    [Fact]
    public void Reader_and_generator_never_throw_on_random_schema_shapes()
    {
        var actions = 0;
        foreach (var (i, project) in Samples(RandomInputs.Project(3), 1000, 2))
        {
            foreach (var file in project)
            {
                ReadNeverThrows(file.Path, file.Text, file.Kind == "Annotation" ? SchemaFileKind.Annotation : SchemaFileKind.Schema);
            }

            var result = Generate.Run(project);
            result.Crashes.ShouldBeEmpty($"sample {i}:\n{Describe(project)}");
            result.Diagnostics.Where(d => d.Id is "AKT0099").ShouldBeEmpty($"sample {i}:\n{Describe(project)}");
            actions += result.Sources.Sum(s => CountOccurrences(s.Text, "parametersSchemaJson:"));

            // Every tenth project again with its files in reverse order: the same bytes.
            if (i % 10 == 0)
            {
                var reversed = Generate.Run(Enumerable.Reverse(project));
                reversed.Sources.OrderBy(s => s.HintName, StringComparer.Ordinal)
                    .ShouldBe(result.Sources.OrderBy(s => s.HintName, StringComparer.Ordinal), $"sample {i}:\n{Describe(project)}");
            }
        }

        // The shapes are mostly well formed: most samples generate actions.
        actions.ShouldBeGreaterThan(1000);
    }

    private static readonly Lazy<List<(int Index, List<InputFile> Files, GenerationResult Result)>> CompileSample = new(() =>
        Samples(RandomInputs.Project(2, maxSchemaFiles: 1), 400, 3)
            .Select(s => (s.Index, Files: s.Value, Result: Generate.Run(s.Value, $"Random.S{s.Index}")))
            .Where(s => s.Result.Sources.Length > 0)
            .Take(50)
            .ToList());

    [Theory]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.Latest)]
    public async Task A_sample_of_random_schemas_compiles_without_warnings(LanguageVersion version)
    {
        // Fifty projects that generate something, each in its own namespace, compiled together.
        var projects = CompileSample.Value;
        projects.Count.ShouldBe(50);

        var sources = projects.SelectMany(p => p.Result.Sources.Select(s => ($"S{p.Index}/{s.HintName}", s.Text)));
        var (_, problems) = await Generate.CompileAsync(sources, version);
        if (problems.Length > 0)
        {
            var first = problems[0].Location.SourceTree?.FilePath ?? string.Empty;
            var culprit = projects.FirstOrDefault(p => first.StartsWith($"Generated/S{p.Index}/", StringComparison.Ordinal));
            problems.ShouldBeEmpty($"{Generate.Format(problems)}\n\nfrom sample {culprit.Index}:\n{(culprit.Files is null ? string.Empty : Describe(culprit.Files))}");
        }
    }

    private static string Describe(IEnumerable<InputFile> files) =>
        string.Join("\n", files.Select(f => $"--- {f.Path} ({f.Kind})\n{f.Text}"));

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
