using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ActionKit.Typed.Generator.Diagnostics;
using ActionKit.Typed.Generator.Model;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>Reads an annotation file (docs/annotations.md): result schemas, safety and pagination per action.</summary>
internal static class AnnotationFileReader
{
    private static readonly string[] Styles = { "cursor", "offset", "pageNumber", "none" };

    public static IEnumerable<ActionAnnotation> Read(SchemaSource source, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Object)
        {
            source.Report(DiagnosticDescriptors.UnrecognizedEnvelope, JsonPath.Root, source.Path, "an annotation file must be an object with an 'actions' object");
            yield break;
        }

        foreach (var action in actions.EnumerateObject())
        {
            var path = JsonPath.Root.Prop("actions").Prop(action.Name);
            if (action.Value.ValueKind != JsonValueKind.Object)
            {
                source.Report(DiagnosticDescriptors.InvalidAnnotation, path, action.Name, "it must be an object");
                continue;
            }

            yield return ReadAction(source, action.Name, action.Value, path);
        }
    }

    private static ActionAnnotation ReadAction(SchemaSource source, string name, JsonElement value, JsonPath path)
    {
        var safety = Choice(source, name, value, path, "safety", new[] { "read", "write" });
        var resultKind = Choice(source, name, value, path, "resultKind", new[] { "json", "binary" });

        SchemaDocument? result = null;
        if (value.TryGetProperty("result", out var resultSchema))
        {
            if (resultSchema.ValueKind == JsonValueKind.Object)
            {
                result = new SchemaNodeReader(source, name + " result").ReadDocument(resultSchema, path.Prop("result"));
            }
            else
            {
                source.Report(DiagnosticDescriptors.InvalidAnnotation, path.Prop("result"), name, "'result' must be a JSON Schema object");
            }
        }

        PaginationAnnotation? pagination = null;
        if (value.TryGetProperty("pagination", out var page))
        {
            if (page.ValueKind == JsonValueKind.Object)
            {
                var pagePath = path.Prop("pagination");
                pagination = new PaginationAnnotation(
                    Choice(source, name, page, pagePath, "style", Styles),
                    Text(source, name, page, pagePath, "position"),
                    Text(source, name, page, pagePath, "limit"),
                    Pointer(source, name, page, pagePath, "items"),
                    Pointer(source, name, page, pagePath, "nextCursor"));
            }
            else
            {
                source.Report(DiagnosticDescriptors.InvalidAnnotation, path.Prop("pagination"), name, "'pagination' must be an object");
            }
        }

        return new ActionAnnotation(name, safety, result, resultKind, pagination) { NameLocation = source.Locate(path) };
    }

    private static string? Choice(SchemaSource source, string name, JsonElement value, JsonPath path, string key, string[] allowed)
    {
        var text = Text(source, name, value, path, key);
        if (text is null)
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            source.Report(DiagnosticDescriptors.InvalidAnnotation, path.Prop(key), name, $"'{key}' must be one of {string.Join(", ", allowed)}, not '{text}'");
        }

        return match;
    }

    private static string? Pointer(SchemaSource source, string name, JsonElement value, JsonPath path, string key)
    {
        var text = Text(source, name, value, path, key);
        if (text is { Length: > 0 } && text[0] != '/')
        {
            source.Report(DiagnosticDescriptors.InvalidAnnotation, path.Prop(key), name, $"'{key}' must be a JSON pointer such as '/data', not '{text}'");
            return null;
        }

        return text;
    }

    private static string? Text(SchemaSource source, string name, JsonElement value, JsonPath path, string key)
    {
        if (!value.TryGetProperty(key, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString();
        }

        source.Report(DiagnosticDescriptors.InvalidAnnotation, path.Prop(key), name, $"'{key}' must be a string");
        return null;
    }
}
