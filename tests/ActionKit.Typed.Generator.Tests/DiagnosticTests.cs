using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ActionKit.Typed.Generator.Diagnostics;
using ActionKit.Typed.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Generator.Tests;

/// <summary>
/// One test per diagnostic, each with its exact span in the schema file. Every test also feeds a good file, which must
/// generate exactly what it generates alone; the harness fails on any unexpected diagnostic (so on CS8785/AD0001 too)
/// and on compile errors in what was generated.
/// </summary>
public sealed class DiagnosticTests
{
    private const string GoodPath = "/schemas/good.json";

    private static readonly InputFile Good = InputFile.Schema(GoodPath, """
        {"actions": {"good": [{"type": "function", "function": {"name": "GOOD_PING", "description": "Ping.",
          "parameters": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}}}]}, "errors": []}
        """);

    private const string Truncated = "Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.";

    private static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    [Fact]
    public Task Invalid_json_is_AKT0001_at_the_offending_token() => Verify(
        "/schemas/broken.json",
        """
        {
          "type": "function",
          "function": {"name": "BROKEN_ACTION", "description": "Größe ✓" [||]"parameters": {}}
        }
        """,
        DiagnosticDescriptors.InvalidJson,
        arguments: new[] { "/schemas/broken.json", "'\"' is invalid after a value. Expected either ',', '}', or ']'." });

    [Fact]
    public Task Invalid_json_at_the_end_of_a_truncated_file_is_AKT0001() => Verify(
        "/schemas/truncated.json",
        """
        {"type": "function", "function": {"name": "TRUNCATED_ACTION"[||]
        """,
        DiagnosticDescriptors.InvalidJson,
        arguments: new[] { "/schemas/truncated.json", Truncated });

    [Fact]
    public Task Unpaired_surrogate_escape_is_AKT0001_at_the_string() => Verify(
        "/schemas/surrogate.json",
        """
        {"type": "function", "function": {"name": "SURROGATE_NAME", "parameters": {"type": "object", "properties": {
          [|"bad \uD800 name"|]: {"type": "string"}}}}}
        """,
        DiagnosticDescriptors.InvalidJson,
        arguments: new[] { "/schemas/surrogate.json", "a string escapes an unpaired UTF-16 surrogate" });

    [Fact]
    public Task Empty_file_is_AKT0002_at_the_file_start() => Verify("/schemas/empty.json", "[||]  \n\t\n", DiagnosticDescriptors.EmptyOrBinaryFile, arguments: new[] { "/schemas/empty.json", "empty" });

    [Fact]
    public Task Zero_length_file_is_AKT0002() => Verify("/schemas/zero.json", "[||]", DiagnosticDescriptors.EmptyOrBinaryFile, arguments: new[] { "/schemas/zero.json", "empty" });

    [Fact]
    public Task Binary_file_is_AKT0002_at_the_file_start() => Verify("/schemas/logo.json", "[||]\u0089PNG\r\n\u001a\n\0\0\0\rIHDR", DiagnosticDescriptors.EmptyOrBinaryFile, arguments: new[] { "/schemas/logo.json", "binary" });

    [Fact]
    public Task Top_level_scalar_is_AKT0003_over_the_value() => Verify("/schemas/scalar.json", "  [|42|]\n", DiagnosticDescriptors.UnrecognizedEnvelope,
        arguments: new[] { "/schemas/scalar.json", "the top level is a number" });

    [Fact]
    public Task Object_without_actions_or_a_tool_is_AKT0003_over_the_document() => Verify(
        "/schemas/other.json",
        """
        [|{
          "openapi": "3.0.0",
          "paths": {}
        }|]
        """,
        DiagnosticDescriptors.UnrecognizedEnvelope,
        arguments: new[] { "/schemas/other.json", "the top level is an object" });

    [Fact]
    public Task Actions_that_are_not_an_object_are_AKT0003_at_the_value() => Verify(
        "/schemas/list.json", """{"actions": [|[{"name": "X_Y"}]|], "errors": []}""", DiagnosticDescriptors.UnrecognizedEnvelope,
        arguments: new[] { "/schemas/list.json", "'actions' must be an object keyed by integration" });

    [Fact]
    public Task An_integration_that_is_not_an_array_is_AKT0003_and_the_others_still_count() => Verify(
        "/schemas/mixed.json",
        """
        {"actions": {
          "broken": [|{"name": "BROKEN_THING"}|],
          "fine": [{"type": "function", "function": {"name": "FINE_THING", "parameters": {"type": "object", "properties": {}}}}]
        }}
        """,
        DiagnosticDescriptors.UnrecognizedEnvelope,
        arguments: new[] { "/schemas/mixed.json", "integration 'broken' must be an array of tools" },
        extraIntegrations: new[] { "ActionKit.Fine.g.cs" });

    [Fact]
    public Task Missing_action_name_is_AKT0004_over_the_tool() => Verify(
        "/schemas/noname.json",
        """
        [
          [|{"type": "function", "function": {"description": "No name.", "parameters": {"type": "object"}}}|]
        ]
        """,
        DiagnosticDescriptors.InvalidActionName,
        arguments: new[] { "" });

    [Fact]
    public Task Invalid_action_name_is_AKT0004_at_the_name() => Verify(
        "/schemas/badname.json",
        """{"type": "function", "function": {"name": [|"SEND MESSAGE!"|], "parameters": {"type": "object"}}}""",
        DiagnosticDescriptors.InvalidActionName,
        arguments: new[] { " 'SEND MESSAGE!'" });

    [Fact]
    public Task Action_name_of_the_wrong_type_is_AKT0004_at_the_name() => Verify(
        "/schemas/numbername.json",
        """{"type": "function", "function": {"name": [|12|], "parameters": {"type": "object"}}}""",
        DiagnosticDescriptors.InvalidActionName,
        arguments: new[] { "" });

    [Fact]
    public Task Parameters_of_the_wrong_type_are_AKT0005_at_the_value() => Verify(
        "/schemas/params.json",
        """{"type": "function", "function": {"name": "PARAMS_STRING", "parameters": [|"channel, text"|]}}""",
        DiagnosticDescriptors.InvalidParameters,
        arguments: new[] { "PARAMS_STRING", "a string" });

    [Fact]
    public Task Parameters_with_a_non_object_type_are_AKT0005_at_the_value() => Verify(
        "/schemas/params-array.json",
        """{"type": "function", "function": {"name": "PARAMS_ARRAY", "parameters": [|{"type": "array", "items": {}}|]}}""",
        DiagnosticDescriptors.InvalidParameters,
        arguments: new[] { "PARAMS_ARRAY", "a non-object schema" });

    [Fact]
    public Task Required_of_the_wrong_type_is_AKT0006_and_the_action_still_generates() => Verify(
        "/schemas/required.json",
        """
        {"type": "function", "function": {"name": "REQUIRED_TEXT", "parameters": {
          "type": "object", "properties": {"channel": {"type": "string"}},
          "required": [|"channel"|]}}}
        """,
        DiagnosticDescriptors.InvalidRequired,
        arguments: new[] { "REQUIRED_TEXT", "a string" },
        extraIntegrations: new[] { "ActionKit.Required.g.cs" });

    [Fact]
    public Task Unresolvable_ref_is_AKT0007_at_the_ref_and_the_action_still_generates() => Verify(
        "/schemas/ref.json",
        """
        {"type": "function", "function": {"name": "REF_MISSING", "parameters": {
          "type": "object", "properties": {"owner": {"$ref": [|"#/definitions/user"|]}}, "definitions": {"team": {"type": "object"}}}}}
        """,
        DiagnosticDescriptors.UnresolvableReference,
        arguments: new[] { "#/definitions/user", "REF_MISSING" },
        extraIntegrations: new[] { "ActionKit.Ref.g.cs" });

    [Fact]
    public Task Remote_ref_is_AKT0007() => Verify(
        "/schemas/remote.json",
        """{"type": "function", "function": {"name": "REMOTE_REF", "parameters": {"type": "object", "properties": {"a": {"$ref": [|"https://example.com/s.json#/x"|]}}}}}""",
        DiagnosticDescriptors.UnresolvableReference,
        arguments: new[] { "https://example.com/s.json#/x", "REMOTE_REF" },
        extraIntegrations: new[] { "ActionKit.Remote.g.cs" });

    [Fact]
    public async Task The_same_action_in_two_files_is_AKT0008_in_the_later_file_whatever_the_order()
    {
        const string tool = """{"type": "function", "function": {"name": [|"TWICE_DEFINED"|], "parameters": {"type": "object"}}}""";
        var first = Markup.Parse(tool);
        var second = Markup.Parse("[\n  " + tool + "\n]");
        var files = new[] { InputFile.Schema("/schemas/a/twice.json", first.Text), InputFile.Schema("/schemas/b/twice.json", second.Text), Good };
        var expected = second.At("/schemas/b/twice.json", Diagnostic(DiagnosticDescriptors.DuplicateAction).WithArguments("TWICE_DEFINED", "/schemas/a/twice.json"));
        foreach (var order in new[] { files, files.Reverse().ToArray() })
        {
            var all = Generate.Run(order);
            all.Crashes.ShouldBeEmpty();
            all.Sources.Select(s => s.HintName).ShouldBe(new[] { "ActionKit.Good.g.cs", "ActionKit.Twice.g.cs", "ActionKit.Catalog.g.cs" }, ignoreOrder: true);
            var test = Harness.Create(order, all.Sources);
            test.ExpectedDiagnostics.Add(expected);
            await test.RunAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public Task Invalid_annotation_value_is_AKT0009_at_the_value() => Verify(
        "/schemas/good.annotations.json",
        """{"actions": {"GOOD_PING": {"safety": [|"sometimes"|]}}}""",
        DiagnosticDescriptors.InvalidAnnotation,
        arguments: new[] { "GOOD_PING", "'safety' must be one of read, write, not 'sometimes'" },
        kind: "Annotation",
        goodChanges: true);

    [Fact]
    public Task Annotation_pointer_that_is_not_a_pointer_is_AKT0009() => Verify(
        "/schemas/good.annotations.json",
        """{"actions": {"GOOD_PING": {"pagination": {"style": "cursor", "items": [|"data"|]}}}}""",
        DiagnosticDescriptors.InvalidAnnotation,
        arguments: new[] { "GOOD_PING", "'items' must be a JSON pointer such as '/data', not 'data'" },
        kind: "Annotation",
        goodChanges: true);

    [Fact]
    public Task Annotation_that_is_not_an_object_is_AKT0009() => Verify(
        "/schemas/good.annotations.json",
        """{"actions": {"GOOD_PING": [|"read"|]}}""",
        DiagnosticDescriptors.InvalidAnnotation,
        arguments: new[] { "GOOD_PING", "it must be an object" },
        kind: "Annotation");

    [Fact]
    public Task Annotation_file_without_actions_is_AKT0003() => Verify(
        "/schemas/x.annotations.json",
        """[|{"GOOD_PING": {"safety": "read"}}|]""",
        DiagnosticDescriptors.UnrecognizedEnvelope,
        arguments: new[] { "/schemas/x.annotations.json", "an annotation file must be an object with an 'actions' object" },
        kind: "Annotation");

    [Fact]
    public Task Annotation_for_an_unknown_action_is_AKT0010_over_the_annotation() => Verify(
        "/schemas/extra.annotations.json",
        """
        {"actions": {
          "NOT_IN_ANY_SCHEMA": [|{"safety": "read"}|]
        }}
        """,
        DiagnosticDescriptors.AnnotationForUnknownAction,
        arguments: new[] { "NOT_IN_ANY_SCHEMA" },
        kind: "Annotation");

    [Fact]
    public Task Type_of_the_wrong_type_is_AKT0012_at_the_value() => Verify(
        "/schemas/keyword.json",
        """{"type": "function", "function": {"name": "KEYWORD_TYPE", "parameters": {"type": "object", "properties": {"size": {"type": [|42|]}}}}}""",
        DiagnosticDescriptors.InvalidSchemaKeyword,
        arguments: new[] { "type", "KEYWORD_TYPE", "a string or an array of strings" },
        extraIntegrations: new[] { "ActionKit.Keyword.g.cs" });

    [Fact]
    public Task Enum_that_is_not_an_array_is_AKT0012() => Verify(
        "/schemas/keyword.json",
        """{"type": "function", "function": {"name": "KEYWORD_ENUM", "parameters": {"type": "object", "properties": {"size": {"type": "string", "enum": [|"S"|]}}}}}""",
        DiagnosticDescriptors.InvalidSchemaKeyword,
        arguments: new[] { "enum", "KEYWORD_ENUM", "an array" },
        extraIntegrations: new[] { "ActionKit.Keyword.g.cs" });

    [Fact]
    public Task Properties_that_are_not_an_object_are_AKT0012() => Verify(
        "/schemas/keyword.json",
        """{"type": "function", "function": {"name": "KEYWORD_PROPS", "parameters": {"type": "object", "properties": [|["a", "b"]|]}}}""",
        DiagnosticDescriptors.InvalidSchemaKeyword,
        arguments: new[] { "properties", "KEYWORD_PROPS", "an object" },
        extraIntegrations: new[] { "ActionKit.Keyword.g.cs" });

    [Fact]
    public Task Schema_that_is_not_an_object_is_AKT0012() => Verify(
        "/schemas/keyword.json",
        """{"type": "function", "function": {"name": "KEYWORD_SCHEMA", "parameters": {"type": "object", "properties": {"a": [|"string"|]}}}}""",
        DiagnosticDescriptors.InvalidSchemaKeyword,
        arguments: new[] { "a", "KEYWORD_SCHEMA", "a schema object" },
        extraIntegrations: new[] { "ActionKit.Keyword.g.cs" });

    [Fact]
    public Task AnyOf_that_is_not_an_array_is_AKT0012() => Verify(
        "/schemas/keyword.json",
        """{"type": "function", "function": {"name": "KEYWORD_ANYOF", "parameters": {"type": "object", "properties": {"a": {"anyOf": [|{"type": "string"}|]}}}}}""",
        DiagnosticDescriptors.InvalidSchemaKeyword,
        arguments: new[] { "anyOf", "KEYWORD_ANYOF", "an array of schemas" },
        extraIntegrations: new[] { "ActionKit.Keyword.g.cs" });

    [Fact]
    public void Every_descriptor_is_covered_or_known_to_be_unreachable()
    {
        // There is no "names collide" diagnostic: NameScope resolves every collision with a suffix.
        // AKT0099 is the guard around a failure of the generator itself; the property tests assert it never appears.
        var ids = typeof(DiagnosticDescriptors).GetFields()
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .Order()
            .ToList();
        ids.ShouldBe(new[] { "AKT0001", "AKT0002", "AKT0003", "AKT0004", "AKT0005", "AKT0006", "AKT0007", "AKT0008", "AKT0009", "AKT0010", "AKT0012", "AKT0099" });
    }

    /// <summary>
    /// Runs the bad file beside the good one: the good file's output must be what it is alone, the bad file's diagnostic
    /// exactly at the marked span, and nothing else reported.
    /// </summary>
    private static async Task Verify(
        string path,
        string marked,
        DiagnosticDescriptor descriptor,
        string[]? arguments = null,
        string kind = "Schema",
        string[]? extraIntegrations = null,
        bool goodChanges = false)
    {
        var markup = Markup.Parse(marked);
        var bad = new InputFile(path, markup.Text, kind);
        var alone = Generate.Run(new[] { Good });
        var all = Generate.Run(new[] { bad, Good });
        all.Crashes.ShouldBeEmpty();

        // The good file still generates, and (unless the bad file annotates it) exactly as it does alone.
        var expectedHints = new[] { "ActionKit.Good.g.cs", "ActionKit.Catalog.g.cs" }.Concat(extraIntegrations ?? System.Array.Empty<string>());
        all.Sources.Select(s => s.HintName).ShouldBe(expectedHints, ignoreOrder: true);
        if (!goodChanges)
        {
            all.Source("ActionKit.Good.g.cs").ShouldBe(alone.Source("ActionKit.Good.g.cs"));
        }

        var expected = markup.At(path, Diagnostic(descriptor));
        if (arguments is not null)
        {
            expected = expected.WithArguments(arguments);
        }

        var test = Harness.Create(new[] { bad, Good }, all.Sources);
        test.ExpectedDiagnostics.Add(expected);
        await test.RunAsync(TestContext.Current.CancellationToken);
    }
}
