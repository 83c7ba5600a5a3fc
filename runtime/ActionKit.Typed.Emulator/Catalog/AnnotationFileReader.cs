using System;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Catalog;

/// <summary>Reads an annotation file (<c>*.annotations.json</c>, see docs/annotations.md).</summary>
internal static class AnnotationFileReader
{
    public static bool IsAnnotationFile(string fileName) => fileName.EndsWith(".annotations.json", StringComparison.OrdinalIgnoreCase);

    public static void Read(ReadOnlyMemory<byte> json, string source, CatalogBuilder builder)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, SchemaFileReader.DocumentOptions);
        }
        catch (JsonException ex)
        {
            builder.Warn($"{source}: not JSON ({ex.Message}); skipped.");
            return;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("actions", out var actions)
                || actions.ValueKind != JsonValueKind.Object)
            {
                builder.Warn($"{source}: an annotation file needs an \"actions\" object; skipped.");
                return;
            }

            foreach (var entry in actions.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.Object)
                {
                    builder.Warn($"{source}: the annotation for '{entry.Name}' is not an object; skipped.");
                    continue;
                }

                builder.AddAnnotation(entry.Name, ReadOne(entry.Value));
            }
        }
    }

    private static ActionAnnotation ReadOne(JsonElement value) => new()
    {
        Safety = String(value, "safety"),
        Result = value.TryGetProperty("result", out var result) && result.ValueKind is JsonValueKind.Object or JsonValueKind.True
            ? result.Clone()
            : null,
        IsBinary = string.Equals(String(value, "resultKind"), "binary", StringComparison.OrdinalIgnoreCase),
        Pagination = value.TryGetProperty("pagination", out var pagination) && pagination.ValueKind == JsonValueKind.Object
            ? new PaginationAnnotation(
                String(pagination, "style") ?? "none",
                String(pagination, "position"),
                String(pagination, "limit"),
                String(pagination, "items"),
                String(pagination, "nextCursor"))
            : null,
    };

    private static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
