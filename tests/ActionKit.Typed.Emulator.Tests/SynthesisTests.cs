using System.Text.Json;
using NJsonSchema;

namespace ActionKit.Typed.Emulator.Tests;

/// <summary>Synthesized results for the JSON Schema features annotations use, checked against the schema itself.</summary>
public sealed class SynthesisTests : EmulatorTest
{
    private const string ResultSchema = """
        {
          "type": "object",
          "properties": {
            "id": { "type": "string", "format": "uuid" },
            "email": { "type": "string", "format": "email" },
            "link": { "type": "string", "format": "uri" },
            "day": { "type": "string", "format": "date" },
            "kind": { "const": "page" },
            "color": { "type": "string", "enum": ["red", "green"] },
            "title": { "type": "string", "examples": ["Quarterly plan"] },
            "archived": { "type": "boolean", "default": false },
            "success": { "type": "boolean" },
            "size": { "type": ["integer", "null"] },
            "parent": { "oneOf": [ { "type": "null" }, { "$ref": "#/definitions/ref" } ] },
            "either": { "anyOf": [ { "type": "number" }, { "type": "string" } ] },
            "labels": { "type": "object", "additionalProperties": { "type": "integer" } },
            "pair": { "type": "array", "prefixItems": [ { "type": "string" }, { "type": "integer" } ] },
            "one": { "type": "array", "items": { "type": "string" }, "maxItems": 1 },
            "many": { "type": "array", "items": { "type": "string" }, "minItems": 5 },
            "tree": { "$ref": "#/definitions/node" },
            "dangling": { "$ref": "#/definitions/missing" },
            "free": {}
          },
          "definitions": {
            "ref": { "type": "object", "properties": { "id": { "type": "string" } } },
            "node": { "type": "object", "properties": { "name": { "type": "string" }, "children": { "type": "array", "items": { "$ref": "#/definitions/node" } } } }
          }
        }
        """;

    public override async ValueTask InitializeAsync()
    {
        var options = TestCatalog.Options();
        options.AnnotationDocuments.Add("""{"actions": {"NOTION_SEARCH_PAGES": {"result": """ + ResultSchema + "}}}");
        await StartAsync(options);
    }

    [Fact]
    public async Task Result_fits_its_schema()
    {
        using var response = await RunAsync("NOTION_SEARCH_PAGES");
        var text = await response.Content.ReadAsStringAsync(Ct);

        // The validator refuses a dangling $ref; the emulator writes {} there (checked below).
        var schema = await JsonSchema.FromJsonAsync(ResultSchema.Replace("\"dangling\": { \"$ref\": \"#/definitions/missing\" },", string.Empty, StringComparison.Ordinal), Ct);
        schema.Validate(text).Select(e => $"{e.Path} {e.Kind}").ShouldBeEmpty(text);
    }

    [Fact]
    public async Task Formats_constants_examples_and_defaults_are_honoured()
    {
        using var response = await RunAsync("NOTION_SEARCH_PAGES");
        var result = await ReadJsonAsync(response);

        Guid.TryParse(result.GetProperty("id").GetString(), out _).ShouldBeTrue();
        result.GetProperty("email").GetString()!.ShouldEndWith("@example.com");
        Uri.IsWellFormedUriString(result.GetProperty("link").GetString(), UriKind.Absolute).ShouldBeTrue();
        DateOnly.TryParse(result.GetProperty("day").GetString(), out _).ShouldBeTrue();
        result.GetProperty("kind").GetString().ShouldBe("page");
        result.GetProperty("color").GetString().ShouldBeOneOf("red", "green");
        result.GetProperty("title").GetString().ShouldBe("Quarterly plan");
        result.GetProperty("archived").GetBoolean().ShouldBeFalse();
        result.GetProperty("success").GetBoolean().ShouldBeTrue();
        result.GetProperty("size").ValueKind.ShouldBe(JsonValueKind.Number);
        result.GetProperty("parent").GetProperty("id").GetString().ShouldStartWith("id-");
        result.GetProperty("labels").EnumerateObject().Count().ShouldBe(2);
        result.GetProperty("pair")[0].ValueKind.ShouldBe(JsonValueKind.String);
        result.GetProperty("pair")[1].ValueKind.ShouldBe(JsonValueKind.Number);
        result.GetProperty("one").GetArrayLength().ShouldBe(1);
        result.GetProperty("many").GetArrayLength().ShouldBe(5);
        result.GetProperty("dangling").ValueKind.ShouldBe(JsonValueKind.Object);
    }
}
