using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ActionKit.Typed.Cli.Validate;

/// <summary>NJsonSchema-based checks: a schema against the draft-07 meta-schema, a schema's loadability, a payload against a schema.</summary>
internal static class JsonSchemaChecks
{
    private static readonly Lazy<Task<JsonSchema>> MetaSchema = new(LoadMetaSchemaAsync);

    public static readonly JsonLoadSettings LoadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        CommentHandling = CommentHandling.Ignore,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Ignore,
    };

    /// <summary>Parses JSON keeping line information; a syntax error becomes a located problem.</summary>
    public static JToken? Parse(string path, string text, string code, List<Problem> problems)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            var token = JToken.ReadFrom(reader, LoadSettings);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new JsonReaderException($"Additional text after the JSON value. Path '{reader.Path}', line {reader.LineNumber}, position {reader.LinePosition}.", reader.Path, reader.LineNumber, reader.LinePosition, null);
                }
            }

            return token;
        }
        catch (JsonReaderException ex)
        {
            problems.Add(new Problem(path, ex.LineNumber, ex.LinePosition, true, code, $"not valid JSON: {ex.Message}"));
            return null;
        }
    }

    /// <summary>Checks a schema's structure (meta-schema) and, when that holds, that NJsonSchema can load it.</summary>
    public static async Task CheckSchemaAsync(string path, JToken schema, string owner, List<Problem> problems)
    {
        var meta = await MetaSchema.Value.ConfigureAwait(false);
        var errors = Flatten(meta.Validate(schema)).ToList();
        foreach (var error in errors)
        {
            problems.Add(new Problem(path, error.LineNumber, error.LinePosition, true, ProblemCodes.InvalidSchema, $"{owner}: {Describe(error)}"));
        }

        if (errors.Count > 0)
        {
            return;
        }

        try
        {
            await JsonSchema.FromJsonAsync(schema.ToString(Formatting.None)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException or NotSupportedException or ArgumentException)
        {
            var info = (IJsonLineInfo)schema;
            problems.Add(new Problem(path, info.LineNumber, info.LinePosition, true, ProblemCodes.UnloadableSchema, $"{owner}: the schema cannot be loaded: {ex.Message}"));
        }
    }

    /// <summary>Validates a payload against a schema; every error with its JSON path.</summary>
    public static IEnumerable<ValidationError> ValidatePayload(JsonSchema schema, JToken payload) => Flatten(schema.Validate(payload));

    public static string Describe(ValidationError error)
    {
        var at = PayloadPath(error);
        var subject = string.IsNullOrEmpty(at) ? "the value" : $"'{at}'";
        var message = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"required property '{error.Property}' is missing" + (string.IsNullOrEmpty(ParentPath(error)) ? string.Empty : $" in '{ParentPath(error)}'"),
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"{subject} is not a known property",
            ValidationErrorKind.NotInEnumeration => $"{subject} is not one of the allowed values",
            ValidationErrorKind.ArrayExpected or ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected
                or ValidationErrorKind.BooleanExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.NullExpected
                => $"{subject}: expected {Words(error.Kind.ToString().Replace("Expected", string.Empty, StringComparison.Ordinal)).ToLowerInvariant()}",
            _ => $"{subject}: {Words(error.Kind.ToString()).ToLowerInvariant()}",
        };
        return message;
    }

    /// <summary>The JSON path of an error inside the validated document, as <c>a.b[0].c</c>.</summary>
    public static string PayloadPath(ValidationError error)
    {
        var path = error.Path ?? string.Empty;
        path = path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
        return path;
    }

    private static string ParentPath(ValidationError error)
    {
        var path = PayloadPath(error);
        var suffix = "." + error.Property;
        return path.EndsWith(suffix, StringComparison.Ordinal) ? path[..^suffix.Length] : path == error.Property ? string.Empty : path;
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                // anyOf/oneOf: show the branch with the fewest errors, which is the one most likely meant.
                var best = child.Errors.Values.OrderBy(e => e.Count).First();
                if (best.Count == 0)
                {
                    yield return error;
                    continue;
                }

                foreach (var nested in Flatten(best))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static string Words(string pascal) => Regex.Replace(pascal, "(?<=[a-z0-9])(?=[A-Z])", " ");

    private static async Task<JsonSchema> LoadMetaSchemaAsync()
    {
        using var stream = typeof(JsonSchemaChecks).Assembly.GetManifestResourceStream("json-schema-draft-07.json")
            ?? throw new InvalidOperationException("The draft-07 meta-schema is missing from the tool.");
        using var reader = new StreamReader(stream);
        return await JsonSchema.FromJsonAsync(await reader.ReadToEndAsync().ConfigureAwait(false)).ConfigureAwait(false);
    }
}
