using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ActionKit.Typed.Generator.Tests.Support;

/// <summary>
/// The real captured schemas in ../shared/actionkit-corpus: one pass with every action, and one pass per <c>@v2</c> file
/// (a second version of an action, which beside the first would be a duplicate, AKT0008). <c>_docs-derived</c> holds
/// request and response examples, not schemas, and is skipped.
/// </summary>
internal static class Corpus
{
    public const string MainPass = "all";

    public const string Missing = "The schema corpus (../shared/actionkit-corpus beside the repository) is absent; corpus tests are skipped.";

    public static IReadOnlyList<string> Passes()
    {
        if (RepoPaths.Corpus is null)
        {
            return new[] { MainPass };
        }

        return new[] { MainPass }.Concat(SchemaFiles().Where(IsSecondVersion).Select(Path.GetFileNameWithoutExtension)).ToList()!;
    }

    /// <summary>The bundled schemas/ catalog, compiled beside the corpus in its own namespace.</summary>
    public const string BundledPass = "bundled";

    public static List<InputFile> Bundled() => Directory.GetFiles(RepoPaths.Schemas, "*.json").Order(StringComparer.Ordinal)
        .Select(p => new InputFile(p, File.ReadAllText(p), p.EndsWith(".annotations.json", StringComparison.Ordinal) ? "Annotation" : "Schema"))
        .ToList();

    public static List<InputFile> Files(string pass)
    {
        if (pass == BundledPass)
        {
            return Bundled();
        }

        var files = SchemaFiles();
        var selected = pass == MainPass
            ? files.Where(f => !IsSecondVersion(f))
            : files.Where(f => Path.GetFileNameWithoutExtension(f) == pass);
        return selected.Select(path => InputFile.Schema(path, File.ReadAllText(path))).ToList();
    }

    /// <summary>Every schema file (both versions) under the integration folders.</summary>
    public static List<string> SchemaFiles()
    {
        var root = RepoPaths.Corpus ?? throw new InvalidOperationException(Missing);
        return Directory.GetDirectories(root)
            .Where(dir => !Path.GetFileName(dir).StartsWith('_'))
            .SelectMany(dir => Directory.GetFiles(dir, "*.json", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The namespace a pass generates into, so that all passes compile side by side in one compilation.</summary>
    public static string Namespace(string pass) => pass switch
    {
        MainPass => Generate.Namespace,
        BundledPass => "Tests.ActionKit.Bundled",
        _ => "Tests.ActionKit.V" + (Passes().ToList().IndexOf(pass) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static readonly Dictionary<Microsoft.CodeAnalysis.CSharp.LanguageVersion, System.Threading.Tasks.Task<Build>> Builds = new();

    /// <summary>Every pass (and the bundled catalog) generated on its own, then compiled together once per language version.</summary>
    public static System.Threading.Tasks.Task<Build> BuildAsync(Microsoft.CodeAnalysis.CSharp.LanguageVersion version)
    {
        lock (Builds)
        {
            if (!Builds.TryGetValue(version, out var build))
            {
                Builds[version] = build = System.Threading.Tasks.Task.Run(async () =>
                {
                    var names = (RepoPaths.Corpus is null ? Enumerable.Empty<string>() : Passes()).Append(BundledPass);
                    var passes = names.ToDictionary(p => p, p => Generate.Run(Files(p), Namespace(p)));
                    var (compilation, problems) = await Generate.CompileAsync(passes.Values.SelectMany(r => r.Sources.Select(s => (Namespace(passes.First(x => x.Value == r).Key) + "/" + s.HintName, s.Text))), version);
                    return new Build(passes, compilation, problems);
                });
            }

            return build;
        }
    }

    private static bool IsSecondVersion(string path) => Path.GetFileNameWithoutExtension(path).Contains('@', StringComparison.Ordinal);
}

/// <summary>The generated passes and their joint compilation.</summary>
internal sealed record Build(
    Dictionary<string, GenerationResult> Passes,
    Microsoft.CodeAnalysis.CSharp.CSharpCompilation Compilation,
    System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> Problems);
