using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ActionKit.Typed.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Generator.Tests;

/// <summary>
/// Actions of different integrations whose names give the same C# type names: the first in plan order (integration key,
/// then wire name) keeps them, the other is typed again around the names taken, and an edit of the re-typed action
/// still reaches its output.
/// </summary>
public sealed class TypeNameCollisionTests
{
    private static string Tool(string name, string extraProperty = "") =>
        "{\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"description\":\"d\",\"parameters\":{\"type\":\"object\",\"properties\":{"
        + extraProperty
        + "\"mode\":{\"type\":\"string\",\"enum\":[\"a\",\"b\"]},\"page\":{\"type\":\"object\",\"properties\":{\"size\":{\"type\":\"integer\"}}}}}}}";

    private static List<InputFile> Files(string extraProperty = "") => new()
    {
        new InputFile("/schemas/one.json", "{\"actions\":{\"one\":[" + Tool("ONE_FOO_BAR") + "]}}"),
        new InputFile("/schemas/two.json", "{\"actions\":{\"two\":[" + Tool("one_foo_bar", extraProperty) + "]}}"),
    };

    [Fact]
    public async Task The_later_action_is_typed_again_with_free_names_and_compiles()
    {
        var result = Generate.Run(Files());
        result.Diagnostics.ShouldBeEmpty();
        var one = result.Source("ActionKit.One.g.cs");
        var two = result.Source("ActionKit.Two.g.cs");
        one.ShouldContain("public sealed partial record OneFooBarRequest ");
        one.ShouldContain("public readonly partial struct OneFooBarMode ");
        two.ShouldContain("public sealed partial record OneFooBarRequest2 ");
        two.ShouldContain("OneFooBarMode2");
        two.ShouldContain("OneFooBarPage2");

        var (_, problems) = await Generate.CompileAsync(result.Sources, LanguageVersion.CSharp12);
        problems.ShouldBeEmpty(Generate.Format(problems));
    }

    [Fact]
    public void An_edit_of_the_re_typed_action_reaches_its_file_only()
    {
        var files = Files();
        var texts = files.Select(f => (AdditionalText)new MemoryAdditionalText(f.Path, f.Text)).ToList();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ActionKitGenerator().AsSourceGenerator() },
            texts,
            Generate.ParseOptions(),
            TestOptionsProvider.For(files, Generate.Namespace),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
        driver = driver.RunGenerators(Generate.EmptyCompilation(Array.Empty<MetadataReference>()), TestContext.Current.CancellationToken);
        var before = Generate.Result(driver.GetRunResult()).Sources.ToDictionary(s => s.HintName, s => s.Text);

        var edited = Files("\"note\":{\"type\":\"string\"},")[1];
        driver = driver.ReplaceAdditionalText(texts[1], new MemoryAdditionalText(edited.Path, edited.Text))
            .RunGenerators(Generate.EmptyCompilation(Array.Empty<MetadataReference>()), TestContext.Current.CancellationToken);
        var after = Generate.Result(driver.GetRunResult()).Sources.ToDictionary(s => s.HintName, s => s.Text);

        after.Where(s => s.Value != before[s.Key]).Select(s => s.Key).ShouldBe(new[] { "ActionKit.Two.g.cs" });
        after["ActionKit.Two.g.cs"].ShouldContain("public string? Note { get; init; }");
        after["ActionKit.Two.g.cs"].ShouldContain("public sealed partial record OneFooBarRequest2 ");
    }
}
