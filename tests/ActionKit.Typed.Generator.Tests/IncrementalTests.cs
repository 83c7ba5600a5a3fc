using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ActionKit.Typed.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Generator.Tests;

/// <summary>
/// The pipeline caches by value, per action: an unrelated C# edit re-runs nothing, a reformatted schema changes no
/// output, a changed schema re-emits only its own integration's file, and an edit of one action of a large integration
/// re-types and re-emits only that action and its file. Asserted on the driver's tracked steps (TrackingNames).
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps =
    {
        TrackingNames.Inputs, TrackingNames.Parse, TrackingNames.Settings, TrackingNames.Tools, TrackingNames.Actions, TrackingNames.Annotations,
        TrackingNames.Annotate, TrackingNames.Typing, TrackingNames.Names, TrackingNames.Plan, TrackingNames.Retype, TrackingNames.Catalog, TrackingNames.Slices, TrackingNames.Place, TrackingNames.Emit,
        TrackingNames.Files, TrackingNames.Index, TrackingNames.Diagnostics,
    };

    private static List<InputFile> Catalog() => Directory.GetFiles(RepoPaths.Schemas, "*.json")
        .Order(StringComparer.Ordinal)
        .Select(path => new InputFile(path, File.ReadAllText(path), path.EndsWith(".annotations.json", StringComparison.Ordinal) ? "Annotation" : "Schema"))
        .ToList();

    private sealed class Session
    {
        public Session(List<InputFile>? files = null)
        {
            Files = files ?? Catalog();
            Texts = Files.Select(f => (AdditionalText)new MemoryAdditionalText(f.Path, f.Text)).ToList();
            Compilation = Generate.EmptyCompilation(Array.Empty<MetadataReference>(), userCode: "namespace App { public class Program { } }");
            Driver = CSharpGeneratorDriver.Create(
                    new[] { new ActionKitGenerator().AsSourceGenerator() },
                    Texts,
                    Generate.ParseOptions(),
                    TestOptionsProvider.For(Files, Generate.Namespace),
                    new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true))
                .RunGenerators(Compilation);
            First = Driver.GetRunResult();
        }

        public List<InputFile> Files { get; }

        public List<AdditionalText> Texts { get; }

        public CSharpCompilation Compilation { get; }

        public GeneratorDriver Driver { get; }

        public GeneratorDriverRunResult First { get; }

        /// <summary>Runs again with one file's text replaced.</summary>
        public GeneratorDriverRunResult Replace(string fileName, Func<string, string> edit)
        {
            var index = Files.FindIndex(f => Path.GetFileName(f.Path) == fileName);
            var replaced = edit(Files[index].Text);
            replaced.ShouldNotBe(Files[index].Text);
            var driver = Driver.ReplaceAdditionalText(Texts[index], new MemoryAdditionalText(Files[index].Path, replaced)).RunGenerators(Compilation);
            return driver.GetRunResult();
        }
    }

    private static GeneratorRunResult Single(GeneratorDriverRunResult run) => run.Results.Single();

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();

    /// <summary>The source-output steps fed by one generated integration file each, with that file's name and whether the step ran.</summary>
    private static List<(string Key, IncrementalStepRunReason Reason)> IntegrationOutputs(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(s => s.Value)
            .Where(step => step.Inputs.Any(i => i.Source.Name == TrackingNames.Files))
            .Select(step =>
            {
                var input = step.Inputs.Single(i => i.Source.Name == TrackingNames.Files);
                var hint = ((Model.OutputChunk)input.Source.Outputs[input.OutputIndex].Value).HintName;
                return (hint, step.Outputs.Single().Reason);
            })
            .ToList();

    private static bool Reused(IncrementalStepRunReason reason) => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    private static string Dump(GeneratorRunResult result) => string.Join(
        Environment.NewLine,
        result.TrackedSteps.Select(s => $"{s.Key}: {string.Join(", ", s.Value.SelectMany(r => r.Outputs).Select(o => o.Reason))}")
            .Concat(IntegrationOutputs(result).Select(o => $"output {o.Key}: {o.Reason}")));

    [Fact]
    public void First_run_tracks_every_named_step()
    {
        var result = Single(new Session().First);
        foreach (var step in TrackedSteps)
        {
            result.TrackedSteps.ShouldContainKey(step);
            Reasons(result, step).ShouldAllBe(r => r == IncrementalStepRunReason.New);
        }

        IntegrationOutputs(result).Select(o => o.Key).ShouldBe(
            new[] { "Asana", "Gmail", "GoogleDrive", "Hubspot", "Notion", "Salesforce", "Slack" }.Select(c => $"ActionKit.{c}.g.cs"),
            ignoreOrder: true);
    }

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_cached()
    {
        var session = new Session();
        var edited = session.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { internal class Other { } }", Generate.ParseOptions(), cancellationToken: TestContext.Current.CancellationToken));
        var result = Single(session.Driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult());

        foreach (var step in TrackedSteps)
        {
            Reasons(result, step).ShouldAllBe(r => r == IncrementalStepRunReason.Cached, Dump(result));
        }

        result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)
            .ShouldAllBe(o => o.Reason == IncrementalStepRunReason.Cached, Dump(result));
    }

    [Fact]
    public void Whitespace_only_reformat_of_a_schema_changes_no_output()
    {
        var session = new Session();
        var run = session.Replace("slack.json", Minify);
        var result = Single(run);

        // The file and its tools are read again (their text changed), but every action is equal: nothing is typed again.
        var parse = Reasons(result, TrackingNames.Parse);
        parse.Count(r => r == IncrementalStepRunReason.Modified).ShouldBe(1, Dump(result));
        parse.Count(r => r == IncrementalStepRunReason.Cached).ShouldBe(session.Files.Count - 1, Dump(result));
        Reasons(result, TrackingNames.Annotate).ShouldAllBe(r => Reused(r), Dump(result));
        foreach (var step in new[] { TrackingNames.Typing, TrackingNames.Names, TrackingNames.Plan, TrackingNames.Retype, TrackingNames.Catalog, TrackingNames.Place, TrackingNames.Emit, TrackingNames.Files, TrackingNames.Index })
        {
            Reasons(result, step).ShouldAllBe(r => r == IncrementalStepRunReason.Cached, Dump(result));
        }

        IntegrationOutputs(result).ShouldAllBe(o => o.Reason == IncrementalStepRunReason.Cached, Dump(result));
        Generate.Result(run).Sources.ShouldBe(Generate.Result(session.First).Sources);
    }

    [Fact]
    public void Reformatted_annotation_file_changes_no_output()
    {
        var session = new Session();
        var result = Single(session.Replace("asana.annotations.json", text => Minify(text).Replace(",", ",\r\n    ", StringComparison.Ordinal)));

        Reasons(result, TrackingNames.Parse).Count(r => r == IncrementalStepRunReason.Unchanged).ShouldBe(1, Dump(result));
        IntegrationOutputs(result).ShouldAllBe(o => o.Reason == IncrementalStepRunReason.Cached, Dump(result));
    }

    [Fact]
    public void Changed_schema_re_emits_only_its_integration()
    {
        var session = new Session();
        var run = session.Replace("slack.json", text => text.Replace("Post a message to a Slack channel", "Post a message to any Slack channel", StringComparison.Ordinal));
        var result = Single(run);

        var parse = Reasons(result, TrackingNames.Parse);
        parse.Count(r => r == IncrementalStepRunReason.Modified).ShouldBe(1, Dump(result));
        parse.Count(r => r == IncrementalStepRunReason.Cached).ShouldBe(session.Files.Count - 1, Dump(result));

        // One tool changed, so one action is read, typed and emitted again; its names are equal, so the plan is not redone.
        foreach (var step in new[] { TrackingNames.Tools, TrackingNames.Actions, TrackingNames.Annotate, TrackingNames.Typing, TrackingNames.Place, TrackingNames.Emit })
        {
            Reasons(result, step).Count(r => r == IncrementalStepRunReason.Modified).ShouldBe(1, $"{step}\n{Dump(result)}");
        }

        Reasons(result, TrackingNames.Names).Count(r => r == IncrementalStepRunReason.Unchanged).ShouldBe(1, Dump(result));
        foreach (var step in new[] { TrackingNames.Plan, TrackingNames.Catalog, TrackingNames.Slices })
        {
            Reasons(result, step).ShouldAllBe(r => r == IncrementalStepRunReason.Cached, $"{step}\n{Dump(result)}");
        }


        // Of the seven integrations' files only Slack's changed, so only Slack's file is emitted again.
        var files = result.TrackedSteps[TrackingNames.Files].SelectMany(r => r.Outputs).ToList();
        files.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((Model.OutputChunk)o.Value).HintName).ShouldBe(new[] { "ActionKit.Slack.g.cs" }, Dump(result));
        files.Count(o => o.Reason == IncrementalStepRunReason.Unchanged).ShouldBe(6, Dump(result));
        IntegrationOutputs(result).Where(o => !Reused(o.Reason)).Select(o => o.Key).ShouldBe(new[] { "ActionKit.Slack.g.cs" }, Dump(result));

        // A description change leaves the catalog index as it was.
        Reasons(result, TrackingNames.Index).ShouldAllBe(r => Reused(r), Dump(result));

        var before = Generate.Result(session.First).Sources.ToDictionary(s => s.HintName, s => s.Text);
        var after = Generate.Result(run).Sources.ToDictionary(s => s.HintName, s => s.Text);
        after.Keys.ShouldBe(before.Keys, ignoreOrder: true);
        after.Where(s => s.Value != before[s.Key]).Select(s => s.Key).ShouldBe(new[] { "ActionKit.Slack.g.cs" });
    }

    [Fact]
    public void Changed_annotation_re_emits_only_its_integration()
    {
        var session = new Session();
        var result = Single(session.Replace("asana.annotations.json", text => text.Replace("\"safety\": \"read\"", "\"safety\": \"write\"", StringComparison.Ordinal)));

        IntegrationOutputs(result).Where(o => !Reused(o.Reason)).Select(o => o.Key).ShouldBe(new[] { "ActionKit.Asana.g.cs" }, Dump(result));
    }

    [Fact]
    public void One_property_of_one_action_re_types_and_re_emits_only_that_action_and_its_file()
    {
        // 150 actions of one integration: three files of 64, 64 and 22 actions.
        var tools = Enumerable.Range(0, 150).Select(i =>
            "{\"type\":\"function\",\"function\":{\"name\":\"BIG_ACTION_" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + "\",\"description\":\"Action " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".\",\"parameters\":{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"string\"},\"mode\":{\"type\":\"string\",\"enum\":[\"a\",\"b\"]}}}}}");
        var text = "{\"actions\":{\"big\":[\n" + string.Join(",\n", tools) + "\n]},\"errors\":[]}";
        var session = new Session(new List<InputFile> { new("/schemas/big.json", text, "Schema") });
        var first = Generate.Result(session.First).Sources.Select(s => s.HintName).ToList();
        first.ShouldBe(new[] { "ActionKit.Big.g.cs", "ActionKit.Big.2.g.cs", "ActionKit.Big.3.g.cs", "ActionKit.Catalog.g.cs" }, ignoreOrder: true);

        // BIG_ACTION_100 is the 37th action of the second file; an optional string changes no type name.
        var run = session.Replace("big.json", t => t.Replace("\"name\":\"BIG_ACTION_100\",\"description\":\"Action 100.\",\"parameters\":{\"type\":\"object\",\"properties\":{", "\"name\":\"BIG_ACTION_100\",\"description\":\"Action 100.\",\"parameters\":{\"type\":\"object\",\"properties\":{\"note\":{\"type\":\"string\"},", StringComparison.Ordinal));
        var result = Single(run);

        foreach (var step in new[] { TrackingNames.Tools, TrackingNames.Actions, TrackingNames.Annotate, TrackingNames.Typing, TrackingNames.Place, TrackingNames.Emit })
        {
            var reasons = Reasons(result, step);
            reasons.Count(r => r == IncrementalStepRunReason.Modified).ShouldBe(1, $"{step}\n{Dump(result)}");
            reasons.Count(r => Reused(r)).ShouldBe(149, $"{step}\n{Dump(result)}");
        }

        foreach (var step in new[] { TrackingNames.Plan, TrackingNames.Catalog, TrackingNames.Index })
        {
            Reasons(result, step).ShouldAllBe(r => r == IncrementalStepRunReason.Cached, $"{step}\n{Dump(result)}");
        }

        IntegrationOutputs(result).Where(o => !Reused(o.Reason)).Select(o => o.Key).ShouldBe(new[] { "ActionKit.Big.2.g.cs" }, Dump(result));

        var before = Generate.Result(session.First).Sources.ToDictionary(s => s.HintName, s => s.Text);
        var after = Generate.Result(run).Sources.ToDictionary(s => s.HintName, s => s.Text);
        after.Where(s => s.Value != before[s.Key]).Select(s => s.Key).ShouldBe(new[] { "ActionKit.Big.2.g.cs" });
        after["ActionKit.Big.2.g.cs"].ShouldContain("public string? Note { get; init; }");
    }

    /// <summary>Removes every whitespace character outside strings: the same JSON, formatted differently.</summary>
    internal static string Minify(string json)
    {
        var builder = new System.Text.StringBuilder(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var ch = json[i];
            if (inString)
            {
                builder.Append(ch);
                if (ch == '\\')
                {
                    builder.Append(json[++i]);
                }
                else if (ch == '"')
                {
                    inString = false;
                }
            }
            else if (ch == '"')
            {
                inString = true;
                builder.Append(ch);
            }
            else if (!char.IsWhiteSpace(ch))
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }
}
