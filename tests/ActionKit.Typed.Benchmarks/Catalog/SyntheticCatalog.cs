using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActionKit.Typed.Benchmarks.Catalog;

/// <summary>One generated List Actions file: its path, its text, and the parameters schema of each of its actions.</summary>
public sealed record SyntheticFile(string Path, string Integration, string Text, IReadOnlyList<string> ParametersJson);

/// <summary>
/// A deterministic catalog of ActionKit List Actions files (<c>{"actions": {"&lt;integration&gt;": [tool…]}, "errors": []}</c>),
/// one file per integration, shaped like the real ones: 3–20 properties per action mixing strings, numbers, integers,
/// booleans, string enums with non-identifier values, free-form objects, nested objects, arrays of strings and of
/// objects, maps, nullable unions, local <c>$ref</c>s, <c>paginationParameters</c> in every style, and descriptions
/// with markup, JSON examples, template tokens and line breaks. The same seed and size always give the same bytes.
/// </summary>
public static class SyntheticCatalog
{
    public const int DefaultSeed = 20261123;

    /// <summary>The property added by <see cref="Build"/>'s edit: one new optional string in one action.</summary>
    public const string EditedPropertyName = "benchEditedNote";

    private static readonly string[] Integrations =
    {
        "slack", "hubspot", "salesforce", "googledrive", "notion", "asana", "gmail", "jira", "zendesk", "mondaycom",
    };

    private static readonly string[] Verbs = { "CREATE", "UPDATE", "GET", "LIST", "SEARCH", "DELETE", "SEND", "ARCHIVE", "DESCRIBE", "ADD", "REMOVE", "MOVE" };

    private static readonly string[] Objects =
    {
        "RECORD", "CONTACT", "DEAL", "TICKET", "TASK", "PROJECT", "MESSAGE", "CHANNEL", "FILE", "FOLDER", "PAGE", "BLOCK",
        "USER", "MEMBER", "COMMENT", "ATTACHMENT", "EVENT", "NOTE", "COMPANY", "ISSUE", "BOARD", "ITEM", "LEAD", "ACCOUNT",
    };

    private static readonly string[] Words =
    {
        "name", "title", "owner", "status", "priority", "due", "date", "email", "phone", "amount", "currency", "stage",
        "label", "tag", "parent", "folder", "body", "text", "subject", "notes", "source", "region", "team", "lifecycle",
        "score", "visibility", "color", "icon", "url", "domain", "locale", "timezone", "external", "custom", "filter", "sort",
    };

    // Wire names that are awkward in C#: keywords, digits first, punctuation, non-ASCII, record members.
    private static readonly string[] AwkwardNames =
    {
        "class", "default", "2fa_enabled", "hs-lead-status", "$search", "owner.id", "Équipe", "EqualityContract", "_", "type",
        "event", "object", "operator", "X-Request-Id", "ID", "id",
    };

    // Enum values as providers send them: spaces, dashes, leading digits, punctuation, case twins, non-ASCII, empty.
    private static readonly string[] AwkwardEnumValues =
    {
        "in progress", "in-progress", "IN_PROGRESS", "1st", "2nd_quarter", "n/a", "", "true", "false", "Won't fix",
        "Closed (won)", "Résolu", "high", "High", "HIGH", "C#", "c++", ".net", "100%", "a.b.c",
    };

    private static readonly string[] Descriptions =
    {
        "Name : The record's display name.",
        "Owner : The ID of the user who owns this record. Let your users pick one through a Connect Portal user setting. (example: \"{{settings.owner}}\")",
        "Message : Text of the message. Slack mrkdwn formatting (*bold*, _italic_, <url|label>) is supported.",
        "Filter formula : Search for records that match the given filters. (example: \"{\n  \"field\": \"status\",\n  \"operator\": \"EQ\",\n  \"value\": \"open\"\n}\")",
        "Query : SOQL query (example: \"SELECT Id, Name\nFROM Account\nWHERE Name = 'Ethan'\")",
        "Due date : ISO-8601 date & time, e.g. 2024-05-01T12:00:00Z. Values < now are rejected; */ never ends a comment.",
        "Properties : The values of the page’s properties. If the parent is a database, the schema must match.\n\nOtherwise only `title` is valid.",
        "Additional fields : Any field not listed above, as a JSON object keyed by the provider's internal name.",
        "Limit : Maximum number of results per page (1–100).",
        null!,
    };

    /// <summary>
    /// Builds <paramref name="actionCount"/> actions spread over up to ten integrations (one file each). With
    /// <paramref name="editAction"/> set, that action (a global index) gains <see cref="EditedPropertyName"/>; nothing else
    /// changes, so the result is the one-schema edit of the same catalog.
    /// </summary>
    public static IReadOnlyList<SyntheticFile> Build(int actionCount, int seed = DefaultSeed, int? editAction = null)
    {
        if (actionCount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(actionCount));
        }

        var random = new Random(seed);
        var integrationCount = Math.Min(Integrations.Length, actionCount);
        var files = new List<SyntheticFile>(integrationCount);
        var global = 0;
        for (var i = 0; i < integrationCount; i++)
        {
            var key = Integrations[i];
            var count = actionCount / integrationCount + (i < actionCount % integrationCount ? 1 : 0);
            var parameters = new List<string>(count);
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("actions");
                writer.WriteStartArray(key);
                var names = new HashSet<string>(StringComparer.Ordinal);
                for (var a = 0; a < count; a++, global++)
                {
                    var name = ActionName(random, key, names);
                    var json = Parameters(random, name, global == editAction);
                    parameters.Add(json);
                    writer.WriteStartObject();
                    writer.WriteString("type", "function");
                    writer.WriteStartObject("function");
                    writer.WriteString("name", name);
                    writer.WriteString("description", $"Triggered when a user wants to {name.Substring(key.Length + 1).Replace('_', ' ').ToLowerInvariant()} in {key}.");
                    writer.WritePropertyName("parameters");
                    using (var parsed = JsonDocument.Parse(json))
                    {
                        // Re-written rather than pasted raw, so the file is indented throughout like a pulled one.
                        parsed.RootElement.WriteTo(writer);
                    }
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteStartArray("errors");
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            files.Add(new SyntheticFile($"/catalog/{key}.json", key, Encoding.UTF8.GetString(stream.ToArray()), parameters));
        }

        return files;
    }

    /// <summary>The global index of the action the edit benchmarks change: the middle action of the first file.</summary>
    public static int EditTarget(int actionCount) => Math.Max(0, actionCount / Math.Min(Integrations.Length, actionCount) / 2);

    private static string ActionName(Random random, string key, HashSet<string> used)
    {
        var prefix = key switch
        {
            "googledrive" => "GOOGLE_DRIVE",
            "mondaycom" => "MONDAY_COM",
            _ => key.ToUpperInvariant(),
        };
        var verb = Verbs[random.Next(Verbs.Length)];
        var obj = Objects[random.Next(Objects.Length)];
        var name = $"{prefix}_{verb}_{obj}";
        for (var n = 2; !used.Add(name); n++)
        {
            name = $"{prefix}_{verb}_{obj}_{n}";
        }

        return name;
    }

    private static string Parameters(Random random, string actionName, bool edited)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var propertyCount = random.Next(3, 21);
            var paginated = actionName.Contains("_LIST_") || actionName.Contains("_SEARCH_") || random.Next(10) == 0;
            var useDefinition = random.Next(8) == 0;
            var required = new List<string>();
            var used = new HashSet<string>(StringComparer.Ordinal);

            w.WriteStartObject();
            w.WriteString("type", "object");
            w.WriteStartObject("properties");
            for (var p = 0; p < propertyCount; p++)
            {
                var name = PropertyName(random, used);
                w.WritePropertyName(name);
                Property(w, random, depth: 0, useDefinition);
                if (random.Next(4) == 0)
                {
                    required.Add(name);
                }
            }

            if (paginated)
            {
                Pagination(w, random);
            }

            if (edited)
            {
                w.WriteStartObject(EditedPropertyName);
                w.WriteString("type", "string");
                w.WriteString("description", "Note : A field added by the edit benchmark.");
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartArray("required");
            foreach (var name in required)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteBoolean("additionalProperties", false);
            if (useDefinition)
            {
                w.WriteStartObject("definitions");
                w.WriteStartObject("address");
                w.WriteString("type", "object");
                w.WriteStartObject("properties");
                foreach (var field in new[] { "street", "city", "postal_code", "country" })
                {
                    w.WriteStartObject(field);
                    w.WriteString("type", "string");
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string PropertyName(Random random, HashSet<string> used)
    {
        string name;
        do
        {
            name = random.Next(12) switch
            {
                0 => AwkwardNames[random.Next(AwkwardNames.Length)],
                1 or 2 => Words[random.Next(Words.Length)] + "_" + Words[random.Next(Words.Length)],
                _ => Words[random.Next(Words.Length)] + Capitalize(Words[random.Next(Words.Length)]),
            };
        }
        while (!used.Add(name));

        return name;
    }

    private static void Property(Utf8JsonWriter w, Random random, int depth, bool useDefinition)
    {
        w.WriteStartObject();
        var roll = random.Next(100);
        if (depth > 0)
        {
            // Nested levels stay simple, as real schemas do.
            roll = random.Next(60);
        }

        switch (roll)
        {
            case < 35:
                w.WriteString("type", "string");
                break;
            case < 42:
                w.WriteString("type", "number");
                break;
            case < 48:
                w.WriteString("type", "integer");
                break;
            case < 56:
                w.WriteString("type", "boolean");
                break;
            case < 60:
                w.WriteStartArray("type");
                w.WriteStringValue("string");
                w.WriteStringValue("null");
                w.WriteEndArray();
                break;
            case < 72:
                w.WriteString("type", "string");
                w.WriteStartArray("enum");
                var values = random.Next(0, 9);
                for (var i = 0; i < values; i++)
                {
                    w.WriteStringValue(random.Next(3) == 0 ? AwkwardEnumValues[random.Next(AwkwardEnumValues.Length)] : $"{Words[random.Next(Words.Length)]}_{i}");
                }

                w.WriteEndArray();
                break;
            case < 82:
                // Free-form objects are common in ActionKit (Block Kit layouts, custom fields).
                w.WriteString("type", "object");
                break;
            case < 88:
                w.WriteString("type", "object");
                w.WriteStartObject("properties");
                var used = new HashSet<string>(StringComparer.Ordinal);
                var count = random.Next(2, 6);
                for (var i = 0; i < count; i++)
                {
                    w.WritePropertyName(PropertyName(random, used));
                    Property(w, random, depth + 1, useDefinition);
                }

                w.WriteEndObject();
                break;
            case < 92:
                w.WriteString("type", "array");
                w.WritePropertyName("items");
                if (random.Next(2) == 0)
                {
                    w.WriteStartObject();
                    w.WriteString("type", "string");
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteStartObject();
                    w.WriteString("type", "object");
                    w.WriteStartObject("properties");
                    w.WriteStartObject("id");
                    w.WriteString("type", "string");
                    w.WriteEndObject();
                    w.WriteStartObject("value");
                    w.WriteString("type", "number");
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                break;
            case < 95:
                w.WriteString("type", "object");
                w.WritePropertyName("additionalProperties");
                w.WriteStartObject();
                w.WriteString("type", "string");
                w.WriteEndObject();
                break;
            case < 97:
                w.WriteStartArray("anyOf");
                w.WriteStartObject();
                w.WriteString("type", "string");
                w.WriteEndObject();
                w.WriteStartObject();
                w.WriteString("type", "number");
                w.WriteEndObject();
                w.WriteEndArray();
                break;
            default:
                if (useDefinition)
                {
                    w.WriteString("$ref", "#/definitions/address");
                }
                else
                {
                    w.WriteString("type", "string");
                    w.WriteString("format", "date-time");
                }

                break;
        }

        var description = Descriptions[random.Next(Descriptions.Length)];
        if (description is not null)
        {
            w.WriteString("description", description);
        }

        w.WriteEndObject();
    }

    private static void Pagination(Utf8JsonWriter w, Random random)
    {
        var (position, description) = random.Next(6) switch
        {
            0 => ("pageToken", "The token of the page to fetch"),
            1 => ("offset", "The number of records to skip"),
            2 => ("page", "The page number, starting at 1"),
            3 => ("pageNo", "The page number"),
            _ => ("pageCursor", "The cursor indicating the current page"),
        };
        w.WriteStartObject("paginationParameters");
        w.WriteString("type", "object");
        w.WriteString("description", "Pagination parameters for paginated results");
        w.WriteStartObject("properties");
        w.WriteStartObject(position);
        w.WriteString("type", position is "pageToken" or "pageCursor" ? "string" : "number");
        w.WriteString("description", description);
        w.WriteEndObject();
        if (random.Next(2) == 0)
        {
            w.WriteStartObject("limit");
            w.WriteString("type", "number");
            w.WriteString("description", "Maximum number of results per page");
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("required");
        w.WriteEndArray();
        w.WriteBoolean("additionalProperties", false);
        w.WriteEndObject();
    }

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);
}
