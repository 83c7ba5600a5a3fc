using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Tasks;
using ActionKit.Typed.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Generator.Tests;

/// <summary>
/// Every real schema generates and compiles with no warning (docs diagnosed, nullable on) at C# 12 and at the latest
/// C#; the bundled catalog too. NJsonSchema, an independent reader, agrees with the generated request records on
/// every action's wire property names and required set.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Passes() => new(Corpus.Passes());

    [Theory]
    [MemberData(nameof(Passes))]
    public void Corpus_pass_generates_every_tool_without_diagnostics(string pass)
    {
        Assert.SkipWhen(RepoPaths.Corpus is null, Corpus.Missing);
        var files = Corpus.Files(pass);
        files.ShouldNotBeEmpty();

        var result = Generate.Run(files, Corpus.Namespace(pass));
        result.Crashes.ShouldBeEmpty();
        result.Diagnostics.ShouldBeEmpty(Generate.Format(result.Diagnostics));
        var generated = string.Join("\n", result.Sources.Select(s => s.Text));
        foreach (var name in files.SelectMany(f => ToolNames(f.Text)))
        {
            generated.ShouldContain($"name: \"{name}\"");
        }
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.Latest)]
    public async Task Corpus_compiles_without_warnings(LanguageVersion version)
    {
        Assert.SkipWhen(RepoPaths.Corpus is null, Corpus.Missing);
        var build = await Corpus.BuildAsync(version);
        build.Passes.Count.ShouldBe(Corpus.Passes().Count + 1);
        build.Problems.ShouldBeEmpty(Generate.Format(build.Problems));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.Latest)]
    public async Task Bundled_catalog_generates_and_compiles_without_warnings(LanguageVersion version)
    {
        // Compiled together with the corpus passes (each in its own namespace); alone when the corpus is absent.
        var build = await Corpus.BuildAsync(version);
        var result = build.Passes[Corpus.BundledPass];
        result.Crashes.ShouldBeEmpty();
        result.Diagnostics.ShouldBeEmpty(Generate.Format(result.Diagnostics));
        result.Sources.Count(s => s.HintName != "ActionKit.Catalog.g.cs").ShouldBe(Corpus.Bundled().Count(f => f.Kind == "Schema"));
        build.Problems.ShouldBeEmpty(Generate.Format(build.Problems));
    }

    [Fact]
    public async Task The_compile_check_would_see_a_missing_doc_comment_and_a_nullable_warning()
    {
        // Guards the two tests above: a check that cannot fail proves nothing.
        var (_, problems) = await Generate.CompileAsync(
            Array.Empty<(string, string)>(),
            LanguageVersion.CSharp12,
            "/// <summary>Documented.</summary>\npublic class Documented { public string Undocumented { get; set; } }");
        problems.Select(p => p.Id).ShouldBe(new[] { "CS1591", "CS8618" }, ignoreOrder: true);
    }

    [Fact]
    public async Task NJsonSchema_agrees_on_wire_names_and_required_properties_of_every_request()
    {
        Assert.SkipWhen(RepoPaths.Corpus is null, Corpus.Missing);
        var checkedActions = await CheckWithNJsonSchema(Corpus.Passes());
        checkedActions.ShouldBe(Corpus.SchemaFiles().Sum(f => ToolNames(File.ReadAllText(f)).Count()));
    }

    [Fact]
    public async Task NJsonSchema_agrees_on_wire_names_and_required_properties_of_every_bundled_request()
    {
        var checkedActions = await CheckWithNJsonSchema(new[] { Corpus.BundledPass });
        checkedActions.ShouldBe(Corpus.Bundled().Where(f => f.Kind == "Schema").Sum(f => ToolNames(f.Text).Count()));
    }

    /// <summary>For every action of the passes: NJsonSchema's property names and required set of its parameters equal what the compiled request writes.</summary>
    private static async Task<int> CheckWithNJsonSchema(IEnumerable<string> passes)
    {
        var build = await Corpus.BuildAsync(LanguageVersion.Latest);
        build.Problems.ShouldBeEmpty(Generate.Format(build.Problems));

        var assembly = Generate.Load(build.Compilation, out var context);
        try
        {
            var checkedActions = 0;
            foreach (var pass in passes)
            {
                var catalog = (ActionCatalog)assembly.GetType(Corpus.Namespace(pass) + ".ActionKitCatalog", throwOnError: true)!
                    .GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
                foreach (var file in Corpus.Files(pass).Where(f => f.Kind == "Schema"))
                {
                    foreach (var (name, parameters) in Tools(file.Text))
                    {
                        var schema = await JsonSchema.FromJsonAsync(parameters, TestContext.Current.CancellationToken);
                        var expectedNames = schema.Properties.Keys.ToHashSet(StringComparer.Ordinal);
                        var expectedRequired = schema.RequiredProperties.Where(expectedNames.Contains).ToHashSet(StringComparer.Ordinal);

                        var requestType = catalog.Get(name).RequestType;
                        WrittenNames(requestType, fill: true).ShouldBe(expectedNames, ignoreOrder: true, $"{pass}/{name}: wire names");
                        WrittenNames(requestType, fill: false).ShouldBe(expectedRequired, ignoreOrder: true, $"{pass}/{name}: required");
                        checkedActions++;
                    }
                }
            }

            return checkedActions;
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// The wire names a request writes: with nothing set, only its required members are written (a required reference
    /// left null is written as null); with every member set, all of them.
    /// </summary>
    internal static List<string> WrittenNames(Type requestType, bool fill)
    {
        var request = (IActionRequest)RuntimeHelpers.GetUninitializedObject(requestType);
        if (fill)
        {
            foreach (var property in requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.Name != "AdditionalProperties"))
            {
                property.SetValue(request, Sample(property.PropertyType));
            }
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            request.WriteParameters(writer);
        }

        using var written = JsonDocument.Parse(stream.ToArray());
        return written.RootElement.EnumerateObject().Select(p => p.Name).ToList();
    }

    private static object Sample(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "x";
        }

        if (type == typeof(JsonElement))
        {
            return JsonDocument.Parse("0").RootElement.Clone();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return Array.CreateInstance(type.GetGenericArguments()[0], 0);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()))!;
        }

        if (type.IsValueType)
        {
            return type.GetConstructor(new[] { typeof(string) }) is { } open ? open.Invoke(new object[] { "x" }) : Activator.CreateInstance(type)!;
        }

        return RuntimeHelpers.GetUninitializedObject(type);
    }

    internal static IEnumerable<string> ToolNames(string json) => Tools(json).Select(t => t.Name);

    /// <summary>Every tool of a bare tool, an array of tools or a List Actions response: its name and its parameters as JSON.</summary>
    internal static IEnumerable<(string Name, string Parameters)> Tools(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        IEnumerable<JsonElement> tools = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray(),
            JsonValueKind.Object when root.TryGetProperty("actions", out var actions) => actions.EnumerateObject().SelectMany(g => g.Value.EnumerateArray()),
            _ => new[] { root },
        };
        return tools.Select(t => t.TryGetProperty("function", out var f) ? f : t)
            .Select(f => (f.GetProperty("name").GetString()!, f.TryGetProperty("parameters", out var p) ? p.GetRawText() : "{}"))
            .ToList();
    }
}
