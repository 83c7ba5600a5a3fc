using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using ActionKit.Typed.Generator.Diagnostics;
using ActionKit.Typed.Generator.Model;
using ActionKit.Typed.Generator.Naming;
using Microsoft.CodeAnalysis.Text;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>
/// Reads one schema or annotation file. Accepts every envelope ActionKit produces: a List Actions response
/// (<c>actions</c> or <c>tools</c> keyed by integration), a bare tool object, or an array of tools. Never throws:
/// a problem becomes a located diagnostic and the rest of the file still counts.
/// </summary>
internal static class SchemaFileReader
{
    /// <summary>How schema files are parsed; <see cref="ToolSplitter"/> checks them with the same settings.</summary>
    internal static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 128,
    };

    public static SchemaFileModel Read(SchemaInput input, CancellationToken cancellationToken)
    {
        var text = input.File.GetText(cancellationToken) ?? SourceText.From(string.Empty);
        return Read(input.File.Path, text, input.Kind, input.Integration, cancellationToken);
    }

    public static SchemaFileModel Read(string path, SourceText text, SchemaFileKind kind, string? integration, CancellationToken cancellationToken)
    {
        using var source = new SchemaSource(path, text);
        var actions = new List<ActionSchema>();
        var annotations = new List<ActionAnnotation>();
        try
        {
            if (Parse(source) is { } document)
            {
                using (document)
                {
                    if (kind == SchemaFileKind.Annotation)
                    {
                        annotations.AddRange(AnnotationFileReader.Read(source, document.RootElement));
                    }
                    else
                    {
                        ReadEnvelope(source, document.RootElement, integration, actions, cancellationToken);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            source.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.FileStart(path), path, ex.Message));
        }

        return new SchemaFileModel(path, kind, actions.ToEquatableArray(), annotations.ToEquatableArray(), source.Diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// The pipeline's per-file step: a schema file cut into position-independent tools (each read on its own by
    /// <see cref="ReadTool(ToolItem, CancellationToken)"/>), an annotation file read whole. Never throws.
    /// </summary>
    public static SchemaFileSplit Split(SchemaInput input, CancellationToken cancellationToken)
    {
        var text = input.File.GetText(cancellationToken) ?? SourceText.From(string.Empty);
        return Split(input.File.Path, text, input.Kind, input.Integration, cancellationToken);
    }

    public static SchemaFileSplit Split(string path, SourceText text, SchemaFileKind kind, string? integration, CancellationToken cancellationToken)
    {
        if (kind == SchemaFileKind.Annotation)
        {
            var model = Read(path, text, kind, integration, cancellationToken);
            return new SchemaFileSplit(path, kind, EquatableArray<ToolItem>.Empty, EquatableArray<ToolAnchor>.Empty, model.Annotations, model.Diagnostics);
        }

        using var source = new SchemaSource(path, text);
        ToolSplitter? splitter = null;
        try
        {
            splitter = ToolSplitter.Split(source, integration, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            splitter = null;
            source.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.FileStart(path), path, ex.Message));
        }

        return new SchemaFileSplit(
            path,
            kind,
            splitter?.Tools.ToEquatableArray() ?? EquatableArray<ToolItem>.Empty,
            splitter?.Anchors.ToEquatableArray() ?? EquatableArray<ToolAnchor>.Empty,
            EquatableArray<ActionAnnotation>.Empty,
            source.Diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// Reads one tool cut out of its file. Its diagnostics and name location are relative to the tool's first
    /// character (the file's <see cref="ToolAnchor"/> places them), so the result does not depend on where the tool is.
    /// </summary>
    public static ActionRead ReadTool(ToolItem tool, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var source = new SchemaSource(tool.Path, tool.Text);
        var actions = new List<ActionSchema>(1);
        try
        {
            // Text with an unpaired surrogate has no UTF-8 form: System.Text.Json rejects it when given the text itself.
            using var document = source.IsValidUtf16
                ? JsonDocument.Parse(source.Utf8, DocumentOptions)
                : JsonDocument.Parse(tool.Text.AsMemory(), DocumentOptions);
            ReadTool(source, document.RootElement, JsonPath.Root, tool.Integration, actions);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            actions.Clear();
            source.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.FileStart(tool.Path), tool.Path, ex.Message));
        }

        var action = actions.Count == 1 ? actions[0] : null;
        return new ActionRead(tool.Path, tool.Index, action, action?.NameLocation, source.Diagnostics.ToEquatableArray());
    }

    private static JsonDocument? Parse(SchemaSource source)
    {
        var content = source.Chars.Source;
        if (!source.CheckReadable(content))
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(content, DocumentOptions);

            // "\uD800" alone is well-formed JSON that System.Text.Json will not read as a string: report it where it is.
            if (source.FindUnreadableString() is { } unreadable)
            {
                document.Dispose();
                source.ReportAt(DiagnosticDescriptors.InvalidJson, unreadable, source.Path, "a string escapes an unpaired UTF-16 surrogate");
                return null;
            }

            return document;
        }
        catch (JsonException ex)
        {
            source.ReportInvalidJson(ex);
            return null;
        }
    }

    private static void ReadEnvelope(SchemaSource source, JsonElement root, string? integration, List<ActionSchema> actions, CancellationToken cancellationToken)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                var index = 0;
                foreach (var tool in root.EnumerateArray())
                {
                    ReadTool(source, tool, JsonPath.Root.At(index++), integration, actions);
                }

                return;

            case JsonValueKind.Object when TryGetCatalog(root, out var key, out var catalog):
                if (catalog.ValueKind != JsonValueKind.Object)
                {
                    source.Report(DiagnosticDescriptors.UnrecognizedEnvelope, JsonPath.Root.Prop(key), source.Path, $"'{key}' must be an object keyed by integration");
                    return;
                }

                foreach (var group in catalog.EnumerateObject())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var groupPath = JsonPath.Root.Prop(key).Prop(group.Name);
                    if (group.Value.ValueKind != JsonValueKind.Array)
                    {
                        source.Report(DiagnosticDescriptors.UnrecognizedEnvelope, groupPath, source.Path, $"integration '{group.Name}' must be an array of tools");
                        continue;
                    }

                    var i = 0;
                    foreach (var tool in group.Value.EnumerateArray())
                    {
                        ReadTool(source, tool, groupPath.At(i++), integration ?? group.Name, actions);
                    }
                }

                return;

            case JsonValueKind.Object when root.TryGetProperty("function", out _) || root.TryGetProperty("name", out _):
                ReadTool(source, root, JsonPath.Root, integration, actions);
                return;

            default:
                source.Report(DiagnosticDescriptors.UnrecognizedEnvelope, JsonPath.Root, source.Path, $"the top level is {SchemaNodeReader.Describe(root)}");
                return;
        }
    }

    private static bool TryGetCatalog(JsonElement root, out string key, out JsonElement catalog)
    {
        foreach (var candidate in new[] { "actions", "tools" })
        {
            if (root.TryGetProperty(candidate, out catalog))
            {
                key = candidate;
                return true;
            }
        }

        key = string.Empty;
        catalog = default;
        return false;
    }

    private static void ReadTool(SchemaSource source, JsonElement tool, JsonPath path, string? integration, List<ActionSchema> actions)
    {
        if (tool.ValueKind != JsonValueKind.Object)
        {
            source.Report(DiagnosticDescriptors.UnrecognizedEnvelope, path, source.Path, $"a tool must be an object, not {SchemaNodeReader.Describe(tool)}");
            return;
        }

        var (function, functionPath) = tool.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object
            ? (f, path.Prop("function"))
            : (tool, path);

        var namePath = functionPath.Prop("name");
        var name = function.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (!IsValidActionName(name))
        {
            var found = name is null ? string.Empty : $" '{name}'";
            source.Report(DiagnosticDescriptors.InvalidActionName, function.TryGetProperty("name", out _) ? namePath : path, found);
            return;
        }

        var description = function.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() ?? string.Empty : string.Empty;

        JsonElement parameters;
        if (!function.TryGetProperty("parameters", out parameters) || parameters.ValueKind == JsonValueKind.Null)
        {
            using var empty = JsonDocument.Parse("{\"type\":\"object\",\"properties\":{}}");
            parameters = empty.RootElement.Clone();
        }
        else if (parameters.ValueKind != JsonValueKind.Object || IsNonObjectType(parameters))
        {
            source.Report(DiagnosticDescriptors.InvalidParameters, functionPath.Prop("parameters"), name!, parameters.ValueKind == JsonValueKind.Object ? "a non-object schema" : SchemaNodeReader.Describe(parameters));
            return;
        }

        var document = new SchemaNodeReader(source, name!).ReadDocument(parameters, functionPath.Prop("parameters"));
        if (document.Root.Kind != SchemaKind.Object)
        {
            document = document with { Root = SchemaNode.EmptyObject with { Description = document.Root.Description } };
        }

        var (canonical, hash) = CanonicalJson.WriteWithHash(parameters);
        actions.Add(new ActionSchema(name!, integration ?? InferIntegration(source.Path, name!), description, document, canonical, hash)
        {
            NameLocation = source.Locate(namePath),
            SourcePath = source.Path,
        });
    }

    private static bool IsNonObjectType(JsonElement parameters) =>
        parameters.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "object";

    /// <summary>Wire names are identifiers such as SLACK_SEND_MESSAGE; dots and hyphens are tolerated for custom actions.</summary>
    private static bool IsValidActionName(string? name) =>
        !string.IsNullOrEmpty(name) && name!.Length <= 256 && name.All(c => c < 128 && (char.IsLetterOrDigit(c) || c is '_' or '-' or '.'));

    /// <summary>
    /// A bare tool names no integration. The folder it sits in is used when the action's name starts with it
    /// (<c>googledrive/GOOGLE_DRIVE_LIST_FILES.json</c>); otherwise the first word of the action name, lower-cased.
    /// </summary>
    internal static string InferIntegration(string path, string actionName)
    {
        var folder = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path) ?? string.Empty);
        if (!string.IsNullOrEmpty(folder) && ActionNames.StripIntegrationPrefix(actionName, folder) is not null)
        {
            return folder;
        }

        var underscore = actionName.IndexOf('_');
        return (underscore > 0 ? actionName.Substring(0, underscore) : actionName).ToLowerInvariant();
    }
}
