using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ActionKit.Typed.Cli.Common;

namespace ActionKit.Typed.Cli.Pull;

/// <summary>One integration's schema file, ready to write.</summary>
internal sealed record NormalizedFile(string Integration, string FileName, byte[] Content, int ActionCount);

/// <summary>A List Actions response split into one normalized file per integration, plus the errors it listed.</summary>
internal sealed record NormalizedResponse(IReadOnlyList<NormalizedFile> Files, IReadOnlyList<string> Errors);

/// <summary>
/// Turns a List Actions response into the checked-in form, one file per integration:
/// <c>{"actions": {"&lt;integration&gt;": [tools]}, "errors": []}</c>. The form is deterministic so that pulling
/// the same schemas twice gives byte-identical files:
/// <list type="bullet">
/// <item>tools sorted by name (ordinal); each tool's keys in the order <c>type</c>, <c>function</c>, then any others
/// as received; inside <c>function</c>: <c>name</c>, <c>description</c>, <c>parameters</c>, then others as received;</item>
/// <item>schema content (<c>parameters</c>) kept exactly in the order the API gave it: property order is
/// meaningful, it becomes the order of generated members;</item>
/// <item>2-space indentation, LF line ends, a trailing newline, UTF-8 without BOM, non-ASCII text unescaped.</item>
/// </list>
/// The whole response is checked before anything is produced: any malformed part rejects it all, with a
/// <see cref="CliException"/> whose message says what is wrong.
/// </summary>
internal static class SchemaNormalizer
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] ToolKeyOrder = { "type", "function" };
    private static readonly string[] FunctionKeyOrder = { "name", "description", "parameters" };

    public static NormalizedResponse Normalize(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw new CliException($"it is not valid JSON ({ex.Message.Split('|')[0].Trim()})", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CliException($"the top level is a {Describe(root)}, not an object");
            }

            var catalogKey = root.TryGetProperty("actions", out _) ? "actions" : root.TryGetProperty("tools", out _) ? "tools" : null;
            if (catalogKey is null)
            {
                throw new CliException("it has neither 'actions' nor 'tools'");
            }

            var catalog = root.GetProperty(catalogKey);
            if (catalog.ValueKind != JsonValueKind.Object)
            {
                throw new CliException($"'{catalogKey}' is a {Describe(catalog)}, not an object keyed by integration");
            }

            var files = new List<NormalizedFile>();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var group in catalog.EnumerateObject())
            {
                if (group.Value.ValueKind != JsonValueKind.Array)
                {
                    throw new CliException($"'{catalogKey}.{group.Name}' is a {Describe(group.Value)}, not an array of tools");
                }

                var tools = group.Value.EnumerateArray().Select((tool, index) => (Name: ToolName(tool, $"{catalogKey}.{group.Name}[{index}]"), Tool: tool, Index: index))
                    .OrderBy(t => t.Name, StringComparer.Ordinal)
                    .ThenBy(t => t.Index)
                    .ToList();

                var fileName = FileName(group.Name);
                if (!names.Add(fileName))
                {
                    throw new CliException($"two integrations map to the same file name '{fileName}'");
                }

                files.Add(new NormalizedFile(group.Name, fileName, Write(group.Name, tools.Select(t => t.Tool)), tools.Count));
            }

            return new NormalizedResponse(files.OrderBy(f => f.FileName, StringComparer.Ordinal).ToList(), ReadErrors(root));
        }
    }

    /// <summary>The file name for an integration key: the key as Paragon spells it, characters no file system accepts replaced.</summary>
    public static string FileName(string integration)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(new[] { '/', '\\', ':', '*', '?', '"', '<', '>', '|' }).ToHashSet();
        var name = new string(integration.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        if (name.Length == 0 || name.Trim('.').Length == 0)
        {
            name = "_" + name;
        }

        if (name.StartsWith('.'))
        {
            name = "_" + name;
        }

        var file = name + ".json";
        return SchemaFiles.IsAnnotation(file) ? name + "_.json" : file;
    }

    private static string ToolName(JsonElement tool, string where)
    {
        if (tool.ValueKind != JsonValueKind.Object)
        {
            throw new CliException($"{where} is a {Describe(tool)}, not a tool object");
        }

        var function = tool.TryGetProperty("function", out var f) ? f : tool;
        if (function.ValueKind != JsonValueKind.Object)
        {
            throw new CliException($"{where}.function is a {Describe(function)}, not an object");
        }

        if (!function.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(name.GetString()))
        {
            throw new CliException($"{where} has no name");
        }

        return name.GetString()!;
    }

    private static byte[] Write(string integration, IEnumerable<JsonElement> tools)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("actions");
            writer.WriteStartArray(integration);
            foreach (var tool in tools)
            {
                WriteOrdered(writer, tool, ToolKeyOrder, static (w, name, value) =>
                {
                    if (name == "function" && value.ValueKind == JsonValueKind.Object)
                    {
                        WriteOrdered(w, value, FunctionKeyOrder, static (w2, _, v2) => v2.WriteTo(w2));
                    }
                    else
                    {
                        value.WriteTo(w);
                    }
                });
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartArray("errors");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteOrdered(Utf8JsonWriter writer, JsonElement element, string[] first, Action<Utf8JsonWriter, string, JsonElement> writeValue)
    {
        var properties = element.EnumerateObject().ToList();
        writer.WriteStartObject();
        foreach (var property in properties.Where(p => first.Contains(p.Name)).OrderBy(p => Array.IndexOf(first, p.Name)))
        {
            writer.WritePropertyName(property.Name);
            writeValue(writer, property.Name, property.Value);
        }

        foreach (var property in properties.Where(p => !first.Contains(p.Name)))
        {
            writer.WritePropertyName(property.Name);
            property.Value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>The response's <c>errors</c> as readable lines. Their shape is not documented, so any shape is shown.</summary>
    private static IReadOnlyList<string> ReadErrors(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind == JsonValueKind.Null)
        {
            return Array.Empty<string>();
        }

        if (errors.ValueKind != JsonValueKind.Array)
        {
            return new[] { errors.GetRawText() };
        }

        return errors.EnumerateArray().Select(error => error.ValueKind switch
        {
            JsonValueKind.String => error.GetString() ?? string.Empty,
            JsonValueKind.Object when error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String =>
                (error.TryGetProperty("integration", out var i) && i.ValueKind == JsonValueKind.String ? $"{i.GetString()}: " : string.Empty) + m.GetString(),
            _ => error.GetRawText(),
        }).ToList();
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
