using System;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Catalog;

/// <summary>
/// Reads a schema file in any of the three shapes ActionKit tools come in: a List Actions response
/// (<c>{"actions"|"tools": {integration: [tool…]}, "errors": []}</c>), a bare tool object, or an array of tools.
/// </summary>
internal static class SchemaFileReader
{
    public static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <param name="json">The file's bytes.</param>
    /// <param name="folderIntegration">The integration for bare tools taken from the file's folder, or null to derive it from each action name.</param>
    /// <param name="source">The file's name for warnings.</param>
    /// <param name="builder">Receives the tools.</param>
    public static void Read(ReadOnlyMemory<byte> json, string? folderIntegration, string source, CatalogBuilder builder)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            builder.Warn($"{source}: not JSON ({ex.Message}); skipped.");
            return;
        }

        var skipped = 0;
        using (document)
        {
            var root = document.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.Object when TryGetGroups(root, out var groups):
                    foreach (var group in groups.EnumerateObject())
                    {
                        if (group.Value.ValueKind != JsonValueKind.Array)
                        {
                            builder.Warn($"{source}: integration '{group.Name}' is not an array of tools; skipped.");
                            continue;
                        }

                        foreach (var tool in group.Value.EnumerateArray())
                        {
                            skipped += builder.AddTool(group.Name, tool) ? 0 : 1;
                        }
                    }

                    break;
                case JsonValueKind.Object:
                    skipped += AddBare(root, folderIntegration, builder) ? 0 : 1;
                    break;
                case JsonValueKind.Array:
                    foreach (var tool in root.EnumerateArray())
                    {
                        skipped += AddBare(tool, folderIntegration, builder) ? 0 : 1;
                    }

                    break;
                default:
                    builder.Warn($"{source}: not a List Actions response, a tool or an array of tools; skipped.");
                    break;
            }
        }

        if (skipped > 0)
        {
            builder.Warn($"{source}: {(skipped == 1 ? "an entry is" : $"{skipped} entries are")} not a tool object ({{\"type\":\"function\",\"function\":{{\"name\",…}}}}); skipped.");
        }
    }

    /// <summary>The integration ActionKit would list a bare tool under when nothing else says: its name's first segment.</summary>
    public static string IntegrationFromName(string actionName)
    {
        var underscore = actionName.IndexOf('_', StringComparison.Ordinal);
        return (underscore > 0 ? actionName[..underscore] : actionName).ToLowerInvariant();
    }

    private static bool TryGetGroups(JsonElement root, out JsonElement groups)
    {
        foreach (var key in (ReadOnlySpan<string>)["actions", "tools"])
        {
            if (root.TryGetProperty(key, out groups) && groups.ValueKind == JsonValueKind.Object)
            {
                return true;
            }
        }

        groups = default;
        return false;
    }

    private static bool AddBare(JsonElement tool, string? folderIntegration, CatalogBuilder builder)
    {
        var integration = folderIntegration;
        if (integration is null
            && tool.ValueKind == JsonValueKind.Object
            && tool.TryGetProperty("function", out var function)
            && function.ValueKind == JsonValueKind.Object
            && function.TryGetProperty("name", out var name)
            && name.ValueKind == JsonValueKind.String)
        {
            integration = IntegrationFromName(name.GetString()!);
        }

        return builder.AddTool(integration ?? "unknown", tool);
    }
}
