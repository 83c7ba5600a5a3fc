using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace ActionKit.Typed.Generator.Tests.Support;

/// <summary>
/// CsCheck generators of generator input: arbitrary JSON documents, and schema files of every shape ActionKit could
/// send (and several it should not), with names chosen to collide once normalized to C#.
/// </summary>
internal static class RandomInputs
{
    /// <summary>Names that are keywords, record members, generated member names, or collide after PascalCase.</summary>
    private static readonly string[] NamePool =
    {
        "class", "from", "event", "params", "object", "string", "int", "namespace", "value", "Value", "default", "null", "true",
        "EqualityContract", "AdditionalProperties", "__Json", "ToString", "GetHashCode", "Equals", "GetType", "Clone", "<Clone>$",
        "Deconstruct", "PrintMembers", "Finalize", "MemberwiseClone", "Item", "Key", "Descriptor", "WriteParameters", "ReadValue",
        "WriteValue", "System", "global", "Request", "Result", "ActionKitCatalog", "All", "TryGet", "Get", "Json", "Microsoft",
        "page_size", "pageSize", "PageSize", "page-size", "page size", "Page_Size", "PAGE_SIZE", "pagesize",
        "field-email", "field_email", "fieldEmail", "Level__c", "Level_c", "filter.value", "filter_value",
        "", " ", "_", "__", "-", ".", "1", "1st", "123abc", "1-5", "1000+", "Mr.", "Mr", "Q&A", "50%", "#", "@", "a/b", "x~y",
        "名前", "Größe", "🚀", "🚀🚀", "ǅungla", "a\u200Db", "\u0301x", "e\u0301", "İstanbul", "ÆØÅ", "paginationParameters",
        "pageCursor", "limit", "offset", "page", "nextPageCursor", "data", "items", "node", "Node", "children",
        "\uFFFE", "\uFFFF", "lone\uD800surrogate", "\uDC00", "next\u0085line", "line\u2028separator", "para\u2029graph", "tab\there", "nul\u0000",
    };

    private static readonly string[] IntegrationPool =
    {
        "slack", "monday.com", "custom.workamajig", "googleCalendar", "google_calendar", "googledrive", "", "class", "All",
        "ActionKitCatalog", "123", "名前", "a b", "x.y.z", "custom.", ".", "Slack", "SLACK",
    };

    private static readonly string[] TypePool = { "string", "number", "integer", "boolean", "object", "array", "null", "bogus", "String" };

    private const string NameChars = "abcXYZ_-. 09@+&$éß名ǅ\u200D\u0301";

    public static readonly Gen<string> Name = Gen.Frequency(
        (3, Gen.OneOfConst(NamePool)),
        (2, Gen.String[Gen.Char[NameChars], 0, 10]),
        (1, Gen.String[Gen.Char['\u0020', '\u024F'], 0, 6]));

    public static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.OneOfConst("Plain text.", "Multi\nline\r\ntext\u2028with separators", "<b>markup</b> & */ /* \"quotes\" {{settings.X}}", "Smart ’quotes’ and emoji 🚀", "", "   ", "\u0000\u0001 control", "]]> <!-- -->", "///", "\\u0041 \\ backslash")),
        (1, Gen.String[Gen.Char['\u0000', '\u00FF'], 0, 20]));

    private static readonly Gen<string> ActionName = Gen.Frequency(
        (10, Gen.Select(
            Gen.OneOfConst("SLACK", "MONDAY", "CUSTOM_WORKAMAJIG", "GOOGLE_CALENDAR", "HUBSPOT", "CLASS", "ACTION_KIT_CATALOG", "X"),
            Gen.OneOfConst("GET", "LIST", "SEND", "CREATE", "SEARCH", "DESCRIBE", "UPDATE", "1"),
            Gen.OneOfConst("MESSAGE", "RECORDS_ANY", "ITEM", "", "CLASS", "REQUEST", "RESULT", "ALL", "2"),
            (a, b, c) => c.Length == 0 ? $"{a}_{b}" : $"{a}_{b}_{c}")),
        (1, Gen.OneOfConst("", "with space", "ümlaut", "a-b.c", "_", "1", "SLACK__SEND", "class")));

    private static readonly Gen<JsonNode?> Scalar = Gen.Frequency(
        (1, Gen.Const<JsonNode?>((JsonNode?)null)),
        (2, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (2, Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i))),
        (1, Gen.Double.Where(d => double.IsFinite(d)).Select(d => (JsonNode?)JsonValue.Create(d))),
        (3, Name.Select(s => (JsonNode?)JsonValue.Create(s))));

    /// <summary>Any JSON value, nested up to <paramref name="depth"/>.</summary>
    public static Gen<JsonNode?> Json(int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency(
            (3, Scalar),
            (1, Json(depth - 1).List[0, 4].Select(items => (JsonNode?)new JsonArray(items.ToArray()))),
            (2, Gen.Select(Name, Json(depth - 1)).List[0, 5].Select(Object)));

    /// <summary>A JSON Schema of any kind, with nested schemas up to <paramref name="depth"/> and references to <paramref name="definitions"/>.</summary>
    public static Gen<JsonNode?> Schema(int depth, string[] definitions)
    {
        var options = new List<(int, IGen<JsonNode?>)>
        {
            (5, Gen.Select(Gen.OneOfConst(TypePool), Text, Gen.Bool, (type, text, described) => Object(("type", type), described ? ("description", text) : default))),
            (2, Gen.Select(Name.List[0, 6], Gen.Bool, (values, typed) => Object(typed ? ("type", "string") : default, ("enum", Array(values.Select(v => (JsonNode?)v)))))),
            (1, Gen.OneOfConst(definitions.Select(d => "#/definitions/" + d).Concat(new[] { "#/definitions/missing", "#/$defs/node", "other.json#/x", "#", "" }).ToArray())
                .Select(target => Object(("$ref", target)))),
            (1, Gen.OneOfConst(
                "{}", "true", "false", "\"string\"", "42", "null", "{\"type\":42}", "{\"type\":[\"string\",\"null\"]}", "{\"type\":[\"string\",\"number\"]}",
                "{\"type\":[]}", "{\"enum\":\"x\"}", "{\"enum\":[]}", "{\"enum\":[1,\"a\"]}", "{\"type\":\"string\",\"enum\":[\"true\",\"false\"]}",
                "{\"properties\":[]}", "{\"type\":\"object\",\"required\":\"x\"}", "{\"items\":3}", "{\"type\":\"array\"}", "{\"type\":\"object\"}",
                "{\"anyOf\":{}}", "{\"anyOf\":[]}", "{\"oneOf\":[{\"type\":\"null\"}]}", "{\"allOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}",
                "{\"$ref\":7}", "{\"additionalProperties\":true}", "{\"type\":\"object\",\"additionalProperties\":{}}", "{\"description\":5}")
                .Select(json => JsonNode.Parse(json))),
        };
        if (depth > 0)
        {
            var inner = Schema(depth - 1, definitions);
            options.Add((3, ObjectSchema(depth - 1, definitions)));
            options.Add((2, Gen.Select(inner, Gen.Bool, (items, nullable) => Object(("type", nullable ? Array("array", "null") : "array"), ("items", items)))));
            options.Add((1, inner.Select(values => Object(("type", "object"), ("additionalProperties", values)))));
            options.Add((1, Gen.Select(Gen.OneOfConst("anyOf", "oneOf", "allOf"), inner.List[1, 3], Gen.Bool,
                (keyword, branches, withNull) => Object((keyword, Array(withNull ? branches.Append(Object(("type", "null")))! : branches))))));
        }

        return Gen.Frequency(options.ToArray());
    }

    /// <summary>An object schema with random, colliding property names and a random (sometimes wrong) required list.</summary>
    public static Gen<JsonNode?> ObjectSchema(int depth, string[] definitions) =>
        Gen.Select(
            Gen.Select(Name, Schema(depth, definitions)).List[0, 7],
            Gen.Int[0, 4],
            Gen.Int[0, 9],
            (properties, requiredCount, shape) =>
            {
                var required = properties.Select(p => p.Item1).Take(requiredCount).Append(shape == 0 ? "not-a-property" : null).Where(n => n is not null);
                return Object(
                    ("type", "object"),
                    ("properties", Object(properties.Select(p => (p.Item1, p.Item2)).ToArray())),
                    ("required", shape == 9 ? "wrong" : Array(required.Select(r => (JsonNode?)r))),
                    shape % 3 == 0 ? ("additionalProperties", false) : default);
            });

    /// <summary>A tool: usually well formed, with definitions that may refer to each other (recursion included).</summary>
    public static Gen<JsonNode?> Tool(int depth) => Gen.OneOf(
        Enumerable.Range(0, 4).Select(count => (IGen<JsonNode?>)ToolWith(depth, new[] { "node", "user", "a/b", "project" }.Take(count).ToArray())).ToArray());

    private static Gen<JsonNode?> ToolWith(int depth, string[] definitions) => Gen.Select(
        ActionName,
        Text,
        ObjectSchema(depth, definitions),
        Schema(depth - 1, definitions).List[definitions.Length, definitions.Length],
        Gen.Int[0, 9],
        (name, description, parameters, definitionSchemas, shape) =>
        {
            var parametersObject = (JsonObject)parameters!;
            if (definitions.Length > 0)
            {
                parametersObject[shape % 2 == 0 ? "definitions" : "$defs"] = Object(definitions.Zip(definitionSchemas, (n, s) => (n, s)).ToArray());
            }

            JsonNode? function = shape switch
            {
                8 => Object(("name", name), ("description", description)),
                9 => Object(("name", name), ("parameters", JsonValue.Create("nope"))),
                _ => Object(("name", name), ("description", description), ("parameters", parametersObject)),
            };
            return shape == 7 ? function : Object(("type", "function"), ("function", function));
        });

    /// <summary>A schema file in one of the three envelopes (and now and then one that is none of them).</summary>
    public static Gen<string> SchemaFile(int depth) => Gen.Frequency(
        (3, Tool(depth).Select(Write)),
        (2, Tool(depth).List[0, 3].Select(tools => Write(Array(tools)))),
        (4, Gen.Select(Gen.OneOfConst(IntegrationPool), Tool(depth).List[0, 3]).List[1, 3].Select(groups =>
            Write(Object(("actions", Object(groups.Select(g => (g.Item1, (JsonNode?)Array(g.Item2))).ToArray())), ("errors", new JsonArray()))))),
        (1, Json(3).Select(Write)));

    /// <summary>An annotation file for some of the actions that <paramref name="names"/> may define, with random values.</summary>
    public static Gen<string> AnnotationFile(int depth) =>
        Gen.Select(ActionName, Gen.OneOfConst<JsonNode?>("read", "write", "maybe", 3, null), Schema(depth, System.Array.Empty<string>()),
                Gen.OneOfConst("cursor", "offset", "pageNumber", "none", "bogus"), Gen.OneOfConst<JsonNode?>("/data", "", "data", "/a~1b/0", 5, null), Gen.Bool)
            .Select(t => (t.Item1, Object(("safety", t.Item2), ("result", t.Item3), ("resultKind", t.Item6 ? "json" : "binary"),
                ("pagination", Object(("style", t.Item4), ("items", t.Item5), ("nextCursor", t.Item5), ("position", "pageCursor"))))))
            .List[0, 3]
            .Select(entries => Write(Object(("actions", Object(entries.Select(e => (e.Item1, e.Item2)).ToArray())))));

    /// <summary>One project's worth of input: a few schema files and maybe an annotation file.</summary>
    public static Gen<List<InputFile>> Project(int depth, int maxSchemaFiles = 3) =>
        Gen.Select(SchemaFile(depth).List[1, maxSchemaFiles], AnnotationFile(depth).List[0, 1], Gen.OneOfConst("slack", "monday.com", "x", ""), (schemas, annotations, folder) =>
            schemas.Select((text, i) => InputFile.Schema($"/p/{folder}/s{i}.json", text))
                .Concat(annotations.Select((text, i) => InputFile.Annotation($"/p/a{i}.annotations.json", text)))
                .ToList());

    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static string Write(JsonNode? node) => node is null ? "null" : node.ToJsonString(WriteOptions);

    private static JsonNode Object(IEnumerable<(string Name, JsonNode? Value)> properties)
    {
        var result = new JsonObject();
        foreach (var (name, value) in properties)
        {
            // JsonObject rejects duplicate names; a later duplicate replaces the earlier one (as JsonDocument readers see it).
            result[name] = value?.DeepClone();
        }

        return result;
    }

    private static JsonNode? Object(params (string Name, JsonNode? Value)[] properties) =>
        Object(properties.Where(p => p.Name is not null).AsEnumerable());

    private static JsonNode Array(IEnumerable<JsonNode?> items) => new JsonArray(items.Select(i => i?.DeepClone()).ToArray());

    private static JsonNode Array(params JsonNode?[] items) => Array(items.AsEnumerable());
}
