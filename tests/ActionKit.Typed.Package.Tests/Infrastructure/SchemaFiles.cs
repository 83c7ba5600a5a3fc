using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ActionKit.Typed.Package.Tests.Infrastructure;

/// <summary>Reads action names out of schema files independently of the generator, to know what a pass must produce.</summary>
public static class SchemaFiles
{
    /// <summary>The wire names of the tools in a List Actions response, a bare tool or an array of tools.</summary>
    public static IReadOnlyList<string> ActionNames(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var names = new List<string>();
        Collect(document.RootElement, names);
        return names;
    }

    /// <summary>The bundled integrations (file name = integration key) and their action names.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Bundled() =>
        Directory.GetFiles(RepoPaths.BundledSchemas, "*.json")
            .Where(f => !f.EndsWith(".annotations.json"))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => ActionNames(f));

    private static void Collect(JsonElement element, List<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, names);
                }

                break;
            case JsonValueKind.Object when element.TryGetProperty("function", out var function) && function.TryGetProperty("name", out var name):
                names.Add(name.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var key in new[] { "actions", "tools" })
                {
                    if (element.TryGetProperty(key, out var groups) && groups.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var group in groups.EnumerateObject())
                        {
                            Collect(group.Value, names);
                        }
                    }
                }

                break;
        }
    }
}
