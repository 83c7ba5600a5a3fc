using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ActionKit.Typed.Cli.Common;
using ActionKit.Typed.Cli.Generate;
using Microsoft.CodeAnalysis;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace ActionKit.Typed.Cli.Validate;

/// <summary>
/// <c>validate</c>: checks schema and annotation files (the generator's own diagnostics, then every parameters and
/// result schema against JSON Schema draft-07 with NJsonSchema), or a payload against an action's parameters.
/// </summary>
internal static class ValidateCommand
{
    private static readonly HashSet<string> AnnotationKeys = new(StringComparer.Ordinal) { "safety", "result", "resultKind", "pagination" };
    private static readonly HashSet<string> PaginationKeys = new(StringComparer.Ordinal) { "style", "position", "limit", "items", "nextCursor" };

    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATHS") { Description = "Schema and annotation files, or folders of them (default: the current folder).", Arity = ArgumentArity.ZeroOrMore };
        var action = new Option<string?>("--action", "-a") { Description = "With --payload: the action (wire name, e.g. SLACK_SEND_MESSAGE) whose parameters the payload must match." };
        var payload = new Option<string?>("--payload") { Description = "With --action: a JSON file with the parameters to check (or a Run Action body {\"action\", \"parameters\"})." };
        var command = new Command("validate", "Check schema and annotation files, with errors located by file and line; or, with --action and --payload, check a payload against an action's parameters. Exit code 0 = valid, 1 = errors found, 3 = an input could not be read.")
        {
            paths, action, payload,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(action) is null) != (result.GetValue(payload) is null))
            {
                result.AddError("--action and --payload go together.");
            }
        });
        command.SetAction((parse, cancellationToken) => CliApp.Guard(context, () =>
        {
            var inputs = parse.GetValue(paths) is { Length: > 0 } given ? given : new[] { "." };
            return parse.GetValue(action) is { } name
                ? ValidatePayloadAsync(context, inputs, name, parse.GetValue(payload)!, cancellationToken)
                : ValidateFilesAsync(context, inputs, cancellationToken);
        }));
        return command;
    }

    public static async Task<int> ValidateFilesAsync(CliContext context, IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        var files = SchemaFiles.Expand(inputs);
        if (files.Count == 0)
        {
            throw new CliException($"No schema files in {string.Join(", ", inputs)}.");
        }

        var problems = new List<Problem>();

        // 1. What a build would report: the generator's diagnostics, per file and across files.
        var generation = GeneratorHost.Run(files, null, cancellationToken);
        foreach (var diagnostic in generation.Diagnostics)
        {
            var span = diagnostic.Location.GetLineSpan();
            problems.Add(new Problem(
                span.Path is { Length: > 0 } ? span.Path : files[0],
                span.IsValid ? span.StartLinePosition.Line + 1 : 0,
                span.IsValid ? span.StartLinePosition.Character + 1 : 0,
                diagnostic.Severity == DiagnosticSeverity.Error,
                diagnostic.Id,
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        }

        // 2. Every schema as JSON Schema, with NJsonSchema.
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var local = new List<Problem>();
            var root = JsonSchemaChecks.Parse(file, await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), "AKT0001", local);
            if (root is null)
            {
                continue; // The generator already reported the syntax error (AKT0001).
            }

            if (SchemaFiles.IsAnnotation(file))
            {
                await CheckAnnotationsAsync(file, root, problems).ConfigureAwait(false);
            }
            else
            {
                foreach (var (name, parameters) in Tools(root))
                {
                    await JsonSchemaChecks.CheckSchemaAsync(file, parameters, $"parameters of {name}", problems).ConfigureAwait(false);
                }
            }
        }

        var ordered = problems
            .Distinct()
            .OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column).ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
        foreach (var problem in ordered)
        {
            context.Output.WriteLine(problem.ToString());
        }

        var errors = ordered.Count(p => p.IsError);
        var warnings = ordered.Count - errors;
        context.Output.WriteLine($"Checked {files.Count} file{(files.Count == 1 ? string.Empty : "s")}: {errors} error{(errors == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")}.");
        return errors > 0 ? ExitCodes.Changes : ExitCodes.Success;
    }

    public static async Task<int> ValidatePayloadAsync(CliContext context, IReadOnlyList<string> inputs, string action, string payloadPath, CancellationToken cancellationToken)
    {
        var set = SchemaSet.Load(inputs.Count == 1 ? inputs[0] : throw new CliException("--payload takes one schema file or folder."), cancellationToken);
        if (!set.Actions.TryGetValue(action, out var entry))
        {
            var near = set.Actions.Keys.Where(k => k.Contains(action, StringComparison.OrdinalIgnoreCase) || action.Contains(k, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
            throw new CliException($"No action named {action} in {string.Join(", ", inputs)} ({set.Actions.Count} actions read)." + (near.Count > 0 ? $" Did you mean {string.Join(", ", near)}?" : string.Empty));
        }

        if (!File.Exists(payloadPath))
        {
            throw new CliException($"The payload file '{payloadPath}' does not exist.");
        }

        var problems = new List<Problem>();
        var payload = JsonSchemaChecks.Parse(payloadPath, await File.ReadAllTextAsync(payloadPath, cancellationToken).ConfigureAwait(false), ProblemCodes.PayloadNotJson, problems);
        if (payload is JObject body && body.Count == 2 && body["parameters"] is JToken parameters && body["action"] is JValue named)
        {
            if (!string.Equals(named.Value<string>(), action, StringComparison.Ordinal))
            {
                context.WriteWarning($"the payload names action {named.Value<string>()}, but it is checked against {action}.");
            }

            payload = parameters;
        }

        if (payload is not null)
        {
            var schema = await JsonSchema.FromJsonAsync(entry.Parameters.ToJsonString()).ConfigureAwait(false);
            foreach (var error in JsonSchemaChecks.ValidatePayload(schema, payload))
            {
                var line = error.HasLineInfo ? error.LineNumber : ((Newtonsoft.Json.IJsonLineInfo)payload).LineNumber;
                var column = error.HasLineInfo ? error.LinePosition : ((Newtonsoft.Json.IJsonLineInfo)payload).LinePosition;
                problems.Add(new Problem(Path.GetFullPath(payloadPath), line, column, true, ProblemCodes.InvalidPayload, JsonSchemaChecks.Describe(error)));
            }
        }

        foreach (var problem in problems.OrderBy(p => p.Line).ThenBy(p => p.Column))
        {
            context.Output.WriteLine(problem.ToString());
        }

        context.Output.WriteLine(problems.Count == 0
            ? $"The payload matches the parameters of {action}."
            : $"The payload does not match the parameters of {action}: {problems.Count} error{(problems.Count == 1 ? string.Empty : "s")}.");
        return problems.Count == 0 ? ExitCodes.Success : ExitCodes.Changes;
    }

    /// <summary>The tools in any envelope the generator accepts, with their parameters objects.</summary>
    private static IEnumerable<(string Name, JToken Parameters)> Tools(JToken root)
    {
        IEnumerable<JToken> tools = root switch
        {
            JArray array => array,
            JObject obj when (obj["actions"] ?? obj["tools"]) is JObject catalog => catalog.Properties().SelectMany(p => p.Value as JArray ?? new JArray()),
            JObject obj when obj["function"] is not null || obj["name"] is not null => new[] { obj },
            _ => Array.Empty<JToken>(),
        };
        foreach (var tool in tools.OfType<JObject>())
        {
            var function = tool["function"] as JObject ?? tool;
            if (function["parameters"] is JObject parameters)
            {
                yield return (function["name"]?.Type == JTokenType.String ? function["name"]!.Value<string>()! : "(unnamed tool)", parameters);
            }
        }
    }

    private static async Task CheckAnnotationsAsync(string file, JToken root, List<Problem> problems)
    {
        if (root is not JObject obj || obj["actions"] is not JObject actions)
        {
            return; // AKT0003 from the generator says so.
        }

        foreach (var action in actions.Properties())
        {
            if (action.Value is not JObject annotation)
            {
                continue;
            }

            foreach (var key in annotation.Properties().Where(p => !AnnotationKeys.Contains(p.Name)))
            {
                problems.Add(At(file, key, false, ProblemCodes.UnknownAnnotationKey, $"annotation for {action.Name}: '{key.Name}' is not an annotation field (safety, result, resultKind, pagination); it is ignored"));
            }

            if (annotation["pagination"] is JObject pagination)
            {
                foreach (var key in pagination.Properties().Where(p => !PaginationKeys.Contains(p.Name)))
                {
                    problems.Add(At(file, key, false, ProblemCodes.UnknownAnnotationKey, $"annotation for {action.Name}: 'pagination.{key.Name}' is not a pagination field (style, position, limit, items, nextCursor); it is ignored"));
                }
            }

            if (annotation["result"] is JObject result)
            {
                await JsonSchemaChecks.CheckSchemaAsync(file, result, $"result of {action.Name}", problems).ConfigureAwait(false);
            }
        }
    }

    private static Problem At(string file, JToken token, bool error, string code, string message)
    {
        var info = (Newtonsoft.Json.IJsonLineInfo)token;
        return new Problem(file, info.LineNumber, info.LinePosition, error, code, message);
    }
}
