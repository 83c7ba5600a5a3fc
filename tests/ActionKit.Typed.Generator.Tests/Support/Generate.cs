using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActionKit.Typed.Generator.Tests.Support;

/// <summary>What one generator run produced: sources by hint name, diagnostics, and the run itself.</summary>
internal sealed record GenerationResult(
    ImmutableArray<(string HintName, string Text)> Sources,
    ImmutableArray<Diagnostic> Diagnostics,
    GeneratorDriverRunResult Run)
{
    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).Text;

    /// <summary>Generator failures surface as CS8784/CS8785 (initialize/execute threw) or AD0001; none may occur.</summary>
    public ImmutableArray<Diagnostic> Crashes => Run.Diagnostics
        .Where(d => d.Id is "CS8784" or "CS8785" or "AD0001")
        .Concat(Run.Results.Where(r => r.Exception is not null).Select(r => Diagnostic.Create("CRASH", "Test", r.Exception!.ToString(), DiagnosticSeverity.Error, DiagnosticSeverity.Error, true, 0)))
        .ToImmutableArray();
}

/// <summary>Runs <see cref="ActionKitGenerator"/> over in-memory files, and compiles what it produced.</summary>
internal static class Generate
{
    public const string Namespace = "Tests.ActionKit";

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) =>
        new(version, DocumentationMode.Diagnose);

    public static CSharpCompilation EmptyCompilation(IEnumerable<MetadataReference> references, LanguageVersion version = LanguageVersion.Latest, string userCode = "") =>
        CSharpCompilation.Create(
            "Generated",
            userCode.Length == 0 ? Array.Empty<SyntaxTree>() : new[] { CSharpSyntaxTree.ParseText(userCode, ParseOptions(version), "User.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true)
                .WithSpecificDiagnosticOptions(SdkNoWarn));

    /// <summary>The .NET SDK's default NoWarn: unification of framework reference versions (System.ClientModel targets net9).</summary>
    private static readonly ImmutableDictionary<string, ReportDiagnostic> SdkNoWarn = new Dictionary<string, ReportDiagnostic>
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    }.ToImmutableDictionary();

    public static GeneratorDriver Driver(IEnumerable<InputFile> files, string ns = Namespace, LanguageVersion version = LanguageVersion.Latest, bool track = false)
    {
        var list = files.ToList();
        return CSharpGeneratorDriver.Create(
            new[] { new ActionKitGenerator().AsSourceGenerator() },
            list.Select(f => (AdditionalText)new MemoryAdditionalText(f.Path, f.Text)),
            ParseOptions(version),
            TestOptionsProvider.For(list, ns),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));
    }

    /// <summary>Runs the generator with no references: its pipeline never looks at the compilation.</summary>
    public static GenerationResult Run(IEnumerable<InputFile> files, string ns = Namespace)
    {
        var driver = Driver(files, ns).RunGenerators(EmptyCompilation(Array.Empty<MetadataReference>()));
        return Result(driver.GetRunResult());
    }

    public static GenerationResult Result(GeneratorDriverRunResult run) => new(
        run.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())).ToImmutableArray(),
        run.Diagnostics,
        run);

    /// <summary>Compiles generated sources (with optional user code); returns every warning and error.</summary>
    public static async Task<(CSharpCompilation Compilation, ImmutableArray<Diagnostic> Problems)> CompileAsync(
        IEnumerable<(string HintName, string Text)> sources, LanguageVersion version, string userCode = "")
    {
        var references = await References.AllAsync();
        var options = ParseOptions(version);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, options, "Generated/" + s.HintName));
        var compilation = EmptyCompilation(references, version, userCode).AddSyntaxTrees(trees);
        var problems = compilation.GetDiagnostics()
            .Where(d => d.Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error)
            .ToImmutableArray();
        return (compilation, problems);
    }

    /// <summary>Emits and loads a compilation in a collectible context; ActionKit.Typed resolves to the test's own copy.</summary>
    public static Assembly Load(CSharpCompilation compilation, out AssemblyLoadContext context)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, emitted.Diagnostics));
        }

        stream.Position = 0;
        context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream);
    }

    public static string Format(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Take(20).Select(d => d.ToString()));
}
