using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActionKit.Typed.Cli.Common;

namespace ActionKit.Typed.Cli.Diff;

/// <summary>
/// Compares two schema sets action by action and parameter by parameter. Breaking = code or payloads written
/// against the old schemas may no longer compile or be accepted: a removed action or parameter, a new required
/// parameter (or one that became required), a changed type, a removed enum value or a new enum restriction.
/// Everything else is compatible. Nested objects and array items are compared recursively, with dotted paths.
/// </summary>
internal static class SchemaComparer
{
    private const int MaxDepth = 32;

    /// <summary>Keywords compared on their own; any other keyword that differs is a compatible "schema changed".</summary>
    private static readonly HashSet<string> Handled = new(StringComparer.Ordinal)
    {
        "type", "enum", "description", "title", "properties", "required", "items", "additionalProperties", "$ref", "definitions", "$defs", "$schema", "$id", "$comment", "examples",
    };

    public static IReadOnlyList<SchemaChange> Compare(SchemaSet before, SchemaSet after)
    {
        var changes = new List<SchemaChange>();
        foreach (var name in before.Actions.Keys.Union(after.Actions.Keys).OrderBy(n => n, StringComparer.Ordinal))
        {
            before.Actions.TryGetValue(name, out var old);
            after.Actions.TryGetValue(name, out var @new);
            if (old is null)
            {
                changes.Add(new SchemaChange(ChangeKind.ActionAdded, name, @new!.Integration, null, false, "action added"));
                continue;
            }

            if (@new is null)
            {
                changes.Add(new SchemaChange(ChangeKind.ActionRemoved, name, old.Integration, null, true, "action removed"));
                continue;
            }

            if (old.Integration != @new.Integration)
            {
                changes.Add(new SchemaChange(ChangeKind.ActionMoved, name, @new.Integration, null, true, $"moved from integration '{old.Integration}' to '{@new.Integration}'", old.Integration, @new.Integration));
            }

            if (old.Description != @new.Description)
            {
                changes.Add(new SchemaChange(ChangeKind.ActionDescriptionChanged, name, @new.Integration, null, false, "description changed", old.Description, @new.Description));
            }

            new Walker(name, @new.Integration, old.Parameters, @new.Parameters, changes).Compare(old.Parameters, @new.Parameters, string.Empty, 0);
        }

        return changes;
    }

    /// <summary>The exit code for a list of changes: 0 none, 1 compatible only, 2 any breaking.</summary>
    public static int ExitCode(IReadOnlyList<SchemaChange> changes) =>
        changes.Any(c => c.Breaking) ? ExitCodes.Breaking : changes.Count > 0 ? ExitCodes.Changes : ExitCodes.Success;

    private sealed class Walker
    {
        private readonly string _action;
        private readonly string _integration;
        private readonly JsonObject _oldRoot;
        private readonly JsonObject _newRoot;
        private readonly List<SchemaChange> _changes;
        private readonly HashSet<string> _active = new(StringComparer.Ordinal);

        public Walker(string action, string integration, JsonObject oldRoot, JsonObject newRoot, List<SchemaChange> changes)
        {
            _action = action;
            _integration = integration;
            _oldRoot = oldRoot;
            _newRoot = newRoot;
            _changes = changes;
        }

        public void Compare(JsonNode? oldNode, JsonNode? newNode, string path, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            // A recursive definition ($ref back to an enclosing one) is compared once, where it is first reached.
            var references = $"{Reference(oldNode)}|{Reference(newNode)}";
            if (references != "|" && !_active.Add(references))
            {
                return;
            }

            try
            {
                CompareResolved(oldNode, newNode, path, depth);
            }
            finally
            {
                if (references != "|")
                {
                    _active.Remove(references);
                }
            }
        }

        private static string Reference(JsonNode? node) =>
            node is JsonObject obj && obj["$ref"] is JsonValue value && value.TryGetValue<string>(out var reference) ? reference : string.Empty;

        private void CompareResolved(JsonNode? oldNode, JsonNode? newNode, string path, int depth)
        {
            var old = Resolve(oldNode, _oldRoot);
            var @new = Resolve(newNode, _newRoot);
            var oldType = TypeOf(old);
            var newType = TypeOf(@new);
            if (oldType != newType)
            {
                Add(ChangeKind.TypeChanged, path, true, $"type changed from {oldType} to {newType}", oldType, newType);
                return;
            }

            CompareEnums(old, @new, path);
            if (Text(old, "description") != Text(@new, "description") || Text(old, "title") != Text(@new, "title"))
            {
                Add(ChangeKind.DescriptionChanged, path, false, "description changed", Text(old, "description"), Text(@new, "description"));
            }

            var otherKeywords = Keys(old).Union(Keys(@new)).Where(k => !Handled.Contains(k))
                .Where(k => !JsonNode.DeepEquals(old?[k], @new?[k]))
                .OrderBy(k => k, StringComparer.Ordinal)
                .ToList();
            if (otherKeywords.Count > 0)
            {
                Add(ChangeKind.SchemaChanged, path, false, $"{string.Join(", ", otherKeywords)} changed",
                    string.Join(", ", otherKeywords.Select(k => $"{k}={Render(old?[k])}")),
                    string.Join(", ", otherKeywords.Select(k => $"{k}={Render(@new?[k])}")));
            }

            CompareProperties(old, @new, path, depth);

            if (old?["items"] is JsonObject oldItems && @new?["items"] is JsonObject newItems)
            {
                Compare(oldItems, newItems, path + "[]", depth + 1);
            }

            var oldExtra = old?["additionalProperties"];
            var newExtra = @new?["additionalProperties"];
            if (oldExtra is JsonObject && newExtra is JsonObject)
            {
                Compare(oldExtra, newExtra, path + "{}", depth + 1);
            }
            else if (!JsonNode.DeepEquals(oldExtra, newExtra))
            {
                Add(ChangeKind.SchemaChanged, path, false, "additionalProperties changed", Render(oldExtra), Render(newExtra));
            }
        }

        private void CompareProperties(JsonObject? old, JsonObject? @new, string path, int depth)
        {
            var oldProperties = old?["properties"] as JsonObject;
            var newProperties = @new?["properties"] as JsonObject;
            if (oldProperties is null && newProperties is null)
            {
                return;
            }

            var oldRequired = Required(old);
            var newRequired = Required(@new);
            var oldNames = oldProperties?.Select(p => p.Key).ToList() ?? new List<string>();
            var newNames = newProperties?.Select(p => p.Key).ToList() ?? new List<string>();
            foreach (var name in oldNames.Union(newNames).OrderBy(n => n, StringComparer.Ordinal))
            {
                var child = path.Length == 0 ? name : path + "." + name;
                var inOld = oldNames.Contains(name);
                var inNew = newNames.Contains(name);
                if (!inNew)
                {
                    Add(ChangeKind.ParameterRemoved, child, true, oldRequired.Contains(name) ? "required parameter removed" : "parameter removed", TypeOf(Resolve(oldProperties![name], _oldRoot)), null);
                    continue;
                }

                var newType = TypeOf(Resolve(newProperties![name], _newRoot));
                if (!inOld)
                {
                    if (newRequired.Contains(name))
                    {
                        Add(ChangeKind.RequiredParameterAdded, child, true, $"required parameter added ({newType})", null, newType);
                    }
                    else
                    {
                        Add(ChangeKind.ParameterAdded, child, false, $"optional parameter added ({newType})", null, newType);
                    }

                    continue;
                }

                if (!oldRequired.Contains(name) && newRequired.Contains(name))
                {
                    Add(ChangeKind.BecameRequired, child, true, "became required");
                }
                else if (oldRequired.Contains(name) && !newRequired.Contains(name))
                {
                    Add(ChangeKind.BecameOptional, child, false, "became optional");
                }

                Compare(oldProperties![name], newProperties[name], child, depth + 1);
            }
        }

        private void CompareEnums(JsonObject? old, JsonObject? @new, string path)
        {
            var oldValues = EnumValues(old);
            var newValues = EnumValues(@new);
            if (oldValues is null && newValues is null)
            {
                return;
            }

            if (oldValues is null)
            {
                Add(ChangeKind.EnumRestrictionAdded, path, true, $"now restricted to {newValues!.Count} value{(newValues.Count == 1 ? string.Empty : "s")}", null, string.Join(", ", newValues));
                return;
            }

            if (newValues is null)
            {
                Add(ChangeKind.EnumRestrictionRemoved, path, false, "no longer restricted to listed values", string.Join(", ", oldValues), null);
                return;
            }

            foreach (var removed in oldValues.Where(v => !newValues.Contains(v)))
            {
                Add(ChangeKind.EnumValueRemoved, path, true, $"enum value {removed} removed", removed, null);
            }

            foreach (var added in newValues.Where(v => !oldValues.Contains(v)))
            {
                Add(ChangeKind.EnumValueAdded, path, false, $"enum value {added} added", null, added);
            }
        }

        private void Add(ChangeKind kind, string path, bool breaking, string message, string? old = null, string? @new = null) =>
            _changes.Add(new SchemaChange(kind, _action, _integration, path.Length == 0 ? null : path, breaking, message, old, @new));

        /// <summary>Follows local <c>$ref</c>s (<c>#/definitions/x</c>, <c>#/$defs/x</c>) inside the parameters document.</summary>
        private static JsonObject? Resolve(JsonNode? node, JsonObject root)
        {
            for (var hops = 0; hops < MaxDepth && node is JsonObject obj && obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var pointer); hops++)
            {
                if (!pointer.StartsWith('#'))
                {
                    return obj;
                }

                JsonNode? target = root;
                foreach (var segment in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
                {
                    target = target is JsonObject o ? o[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)] : null;
                }

                if (target is null)
                {
                    return obj;
                }

                node = target;
            }

            return node as JsonObject;
        }
    }

    /// <summary>The type a schema gives, as people read it: <c>string</c>, <c>string|null</c>, <c>array</c>, <c>any</c>.</summary>
    internal static string TypeOf(JsonObject? schema)
    {
        if (schema is null)
        {
            return "any";
        }

        switch (schema["type"])
        {
            case JsonValue value when value.TryGetValue<string>(out var type):
                return type;
            case JsonArray types:
                var names = types.Select(t => t is JsonValue v && v.TryGetValue<string>(out var s) ? s : "?").Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
                return names.Count == 1 ? names[0] : string.Join("|", names);
        }

        foreach (var combinator in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema[combinator] is JsonArray options)
            {
                return $"{combinator}({string.Join(", ", options.Select(o => TypeOf(o as JsonObject)))})";
            }
        }

        return schema["properties"] is JsonObject ? "object" : schema["enum"] is JsonArray ? "enum" : "any";
    }

    /// <summary>The listed values as JSON text; an empty <c>enum</c> (options not loaded for this user) counts as none.</summary>
    private static List<string>? EnumValues(JsonObject? schema) =>
        schema?["enum"] is JsonArray { Count: > 0 } values ? values.Select(Render).Distinct(StringComparer.Ordinal).ToList() : null;

    private static HashSet<string> Required(JsonObject? schema) =>
        schema?["required"] is JsonArray required
            ? required.Select(r => r is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    private static string? Text(JsonObject? schema, string key) =>
        schema?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IEnumerable<string> Keys(JsonObject? schema) => schema?.Select(p => p.Key) ?? Enumerable.Empty<string>();

    private static string Render(JsonNode? node) => node is null ? "(none)" : node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
