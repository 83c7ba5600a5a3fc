using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace ActionKit.Typed.Emulator.Tests;

/// <summary>Every action of the bundled catalog runs, and its result satisfies its annotated result schema.</summary>
public sealed class BundledCatalogTests : EmulatorTest
{
    public override async ValueTask InitializeAsync() => await StartAsync(new ActionKitEmulatorOptions { SigningKeyPem = TestKeys.SigningKeyPem });

    [Fact]
    public async Task Every_bundled_action_runs_and_its_result_fits_its_annotation()
    {
        var (tools, annotations) = ReadBundled();
        if (tools.Count == 0)
        {
            Assert.Skip("The bundled catalog (schemas/*.json) is empty in this build.");
        }

        Emulator.ActionNames.ShouldBe(tools.Keys, ignoreOrder: true);
        var failures = new List<string>();
        foreach (var (name, parameters) in tools)
        {
            var arguments = Arguments(parameters);
            using var response = await RunAsync(name, arguments.ToJsonString());
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
                continue;
            }

            if (!annotations.TryGetValue(name, out var annotation))
            {
                continue;
            }

            if (annotation["resultKind"]?.GetValue<string>() == "binary")
            {
                (await response.Content.ReadAsByteArrayAsync(Ct)).Length.ShouldBeGreaterThan(0);
                continue;
            }

            if (annotation["result"] is { } result)
            {
                var schema = await JsonSchema.FromJsonAsync(result.ToJsonString(), Ct);
                var errors = schema.Validate(await response.Content.ReadAsStringAsync(Ct));
                failures.AddRange(errors.Select(e => $"{name}: {e.Path} {e.Kind}"));
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_bundled_cursor_list_ends()
    {
        var (tools, annotations) = ReadBundled();
        if (tools.Count == 0)
        {
            Assert.Skip("The bundled catalog (schemas/*.json) is empty in this build.");
        }

        foreach (var (name, annotation) in annotations)
        {
            if (annotation["pagination"] is not JsonObject pagination
                || pagination["style"]?.GetValue<string>() != "cursor"
                || pagination["nextCursor"]?.GetValue<string>() is not { } pointer
                || !tools.TryGetValue(name, out var parameters))
            {
                continue;
            }

            var position = pagination["position"]!.GetValue<string>();
            var arguments = Arguments(parameters);
            var pages = 0;
            string? cursor = null;
            do
            {
                if (cursor is not null)
                {
                    arguments["paginationParameters"] = new JsonObject { [position] = cursor };
                }

                using var response = await RunAsync(name, arguments.ToJsonString());
                response.StatusCode.ShouldBe(HttpStatusCode.OK, name);
                var next = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct));
                foreach (var segment in pointer.TrimStart('/').Split('/'))
                {
                    next = next?[segment];
                }

                cursor = next?.GetValueKind() == JsonValueKind.String ? next.GetValue<string>() : null;
                pages++;
                pages.ShouldBeLessThan(10, $"{name} does not end");
            }
            while (cursor is not null);

            pages.ShouldBe(3, name); // 5 items, 2 per page
        }
    }

    /// <summary>The bundled schema files' tools (name → parameters schema) and annotations (name → annotation).</summary>
    private static (Dictionary<string, JsonObject> Tools, Dictionary<string, JsonObject> Annotations) ReadBundled()
    {
        var assembly = typeof(ActionKitEmulator).Assembly;
        var tools = new Dictionary<string, JsonObject>();
        var annotations = new Dictionary<string, JsonObject>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("schemas/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var root = JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
            if (resource.EndsWith(".annotations.json", StringComparison.Ordinal))
            {
                foreach (var (name, annotation) in root["actions"]!.AsObject())
                {
                    annotations[name] = annotation!.AsObject();
                }

                continue;
            }

            foreach (var (_, group) in root["actions"]!.AsObject())
            {
                foreach (var tool in group!.AsArray())
                {
                    var function = tool!["function"]!;
                    tools[function["name"]!.GetValue<string>()] = function["parameters"] as JsonObject ?? [];
                }
            }
        }

        return (tools, annotations);
    }

    /// <summary>Simple values for the required parameters (and required members of required objects).</summary>
    private static JsonObject Arguments(JsonObject schema)
    {
        var arguments = new JsonObject();
        if (schema["required"] is not JsonArray required || schema["properties"] is not JsonObject properties)
        {
            return arguments;
        }

        foreach (var name in required.Select(r => r!.GetValue<string>()))
        {
            arguments[name] = Value(properties[name] as JsonObject ?? []);
        }

        return arguments;
    }

    private static JsonNode Value(JsonObject schema)
    {
        if (schema["enum"] is JsonArray { Count: > 0 } values)
        {
            return values[0]!.DeepClone();
        }

        var type = schema["type"] switch
        {
            JsonValue v => v.GetValue<string>(),
            JsonArray a => a.Select(t => t!.GetValue<string>()).First(t => t != "null"),
            _ => "string",
        };
        return type switch
        {
            "number" or "integer" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(true),
            "array" => new JsonArray(),
            "object" => Arguments(schema),
            _ => JsonValue.Create("x"),
        };
    }
}
