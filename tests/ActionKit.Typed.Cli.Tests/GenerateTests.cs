using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ActionKit.Typed.Cli.Common;
using ActionKit.Typed.Cli.Tests.Infrastructure;
using ActionKit.Typed.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Cli.Tests;

public sealed class GenerateTests
{
    [Fact]
    public async Task Output_is_what_the_source_generator_emits()
    {
        using var temp = new TempFolder();
        var run = await ActionKitCli.RunAsync("generate", Repo.Schemas, "--out", temp.Path, "--namespace", "Contoso.ActionKit");

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        var expected = RunGenerator(Directory.GetFiles(Repo.Schemas, "*.json"), "Contoso.ActionKit");
        var written = Directory.GetFiles(temp.Path).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllText);
        written.Keys.OrderBy(k => k).ShouldBe(expected.Keys.OrderBy(k => k));
        foreach (var (hint, text) in expected)
        {
            written[hint].ShouldBe(text, hint);
        }

        written.Keys.ShouldContain("ActionKit.Catalog.g.cs");
        written["ActionKit.Slack.g.cs"].ShouldContain("namespace Contoso.ActionKit");
    }

    [Fact]
    public async Task Generating_again_rewrites_nothing_and_removes_stale_files()
    {
        using var temp = new TempFolder();
        await ActionKitCli.RunAsync("generate", Path.Combine(Repo.Schemas, "slack.json"), Path.Combine(Repo.Schemas, "asana.json"), "--out", temp.Path);
        var slack = temp.Combine("ActionKit.Slack.g.cs");
        var stamp = File.GetLastWriteTimeUtc(slack);

        var run = await ActionKitCli.RunAsync("generate", Path.Combine(Repo.Schemas, "slack.json"), "--out", temp.Path);

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        File.GetLastWriteTimeUtc(slack).ShouldBe(stamp);
        run.Output.ShouldContain("unchanged");
        File.Exists(temp.Combine("ActionKit.Asana.g.cs")).ShouldBeFalse();
    }

    [Fact]
    public async Task Diagnostics_are_reported_with_file_line_and_column()
    {
        using var temp = new TempFolder();
        var schemas = temp.Write("in/slack.json", "{\n  \"actions\": {\n    \"slack\": [\n      { \"type\": \"function\", \"function\": { \"name\": \"BAD NAME\" } },\n" +
            "      " + Schemas.Tool("SLACK_SEND_MESSAGE", "{}") + "\n    ]\n  }\n}\n");

        var run = await ActionKitCli.RunAsync("generate", schemas, "--out", temp.Combine("out"));

        run.ExitCode.ShouldBe(ExitCodes.Changes, run.ToString());
        run.Error.ShouldContain("slack.json(4,");
        run.Error.ShouldContain("error AKT0004");
        File.Exists(temp.Combine("out", "ActionKit.Slack.g.cs")).ShouldBeTrue();
    }

    /// <summary>An independent host of the generator: the files as additional files, tagged as the build tags them.</summary>
    private static Dictionary<string, string> RunGenerator(IEnumerable<string> files, string ns)
    {
        var texts = files.Select(f => (AdditionalText)new Text(Path.GetFullPath(f))).ToImmutableArray();
        var driver = CSharpGeneratorDriver.Create(new[] { new ActionKitGenerator().AsSourceGenerator() }, texts, new CSharpParseOptions(LanguageVersion.Latest), new Options(ns));
        var result = driver.RunGenerators(CSharpCompilation.Create("Expected")).GetRunResult();
        result.Diagnostics.ShouldBeEmpty();
        return result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
    }

    private sealed class Text(string path) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(path));
    }

    private sealed class Options(string ns) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new() { ["build_property.ActionKitNamespace"] = ns });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(new());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(new()
        {
            ["build_metadata.AdditionalFiles.ActionKitKind"] = textFile.Path.EndsWith(".annotations.json") ? "Annotation" : "Schema",
        });
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
