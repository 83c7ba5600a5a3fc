using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ActionKit.Typed.Cli.Common;

namespace ActionKit.Typed.Cli.Diff;

/// <summary><c>diff OLD NEW</c>: what changed between two schema files or folders, and whether it breaks.</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var oldPath = new Argument<string>("OLD") { Description = "The schema file or folder before (e.g. the checked-in copy)." };
        var newPath = new Argument<string>("NEW") { Description = "The schema file or folder after (e.g. a fresh pull)." };
        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also list description-only changes." };
        var command = new Command("diff", "Compare two schema files or folders: added and removed actions; added, removed and changed parameters; breaking changes marked. Exit code 0 = same, 1 = compatible changes, 2 = breaking changes, 3 = an input could not be read.")
        {
            oldPath, newPath, format, verbose,
        };
        command.SetAction((parse, cancellationToken) => CliApp.Guard(context, () =>
            Run(context, parse.GetValue(oldPath)!, parse.GetValue(newPath)!, parse.GetValue(format) == "json", parse.GetValue(verbose), cancellationToken)));
        return command;
    }

    public static int Run(CliContext context, string oldPath, string newPath, bool json, bool verbose, CancellationToken cancellationToken)
    {
        var before = Load(context, oldPath, cancellationToken);
        var after = Load(context, newPath, cancellationToken);
        var changes = SchemaComparer.Compare(before, after);
        var exitCode = SchemaComparer.ExitCode(changes);
        if (json)
        {
            WriteJson(context.Output, oldPath, newPath, changes, exitCode, verbose);
        }
        else
        {
            WriteText(context.Output, oldPath, newPath, changes, verbose);
        }

        return exitCode;
    }

    private static SchemaSet Load(CliContext context, string path, CancellationToken cancellationToken)
    {
        var set = SchemaSet.Load(path, cancellationToken);
        foreach (var diagnostic in set.Diagnostics)
        {
            context.Error.WriteLine(Diagnostics.Format(diagnostic));
        }

        if (set.HasErrors)
        {
            throw new CliException($"'{path}' has schema errors (above); fix them or run 'dotnet actionkit validate {path}'.");
        }

        if (set.Files.Count == 0)
        {
            context.WriteWarning($"'{path}' has no schema files.");
        }

        return set;
    }

    private static void WriteText(TextWriter output, string oldPath, string newPath, IReadOnlyList<SchemaChange> changes, bool verbose)
    {
        output.WriteLine($"ActionKit schemas: {oldPath} -> {newPath}");
        var shown = changes.Where(c => verbose || !c.IsDescriptionOnly).ToList();
        foreach (var group in shown.GroupBy(c => c.Action))
        {
            var actionLevel = group.Where(c => c.Parameter is null && c.Kind is ChangeKind.ActionAdded or ChangeKind.ActionRemoved).ToList();
            foreach (var change in actionLevel)
            {
                output.WriteLine($"{(change.Kind == ChangeKind.ActionAdded ? '+' : '-')} {change.Action} ({change.Integration}): {change.Message}{Mark(change)}");
            }

            var rest = group.Except(actionLevel).ToList();
            if (rest.Count == 0)
            {
                continue;
            }

            output.WriteLine($"~ {group.Key} ({rest[0].Integration})");
            foreach (var change in rest)
            {
                var sign = change.Kind switch
                {
                    ChangeKind.ParameterAdded or ChangeKind.RequiredParameterAdded or ChangeKind.EnumValueAdded => '+',
                    ChangeKind.ParameterRemoved or ChangeKind.EnumValueRemoved => '-',
                    _ => '~',
                };
                var detail = change.IsDescriptionOnly && verbose ? $": \"{Short(change.Old)}\" -> \"{Short(change.New)}\"" : string.Empty;
                output.WriteLine($"    {sign} {change.Parameter ?? "(action)"}: {change.Message}{detail}{Mark(change)}");
            }
        }

        var hidden = changes.Count - shown.Count;
        var breaking = changes.Count(c => c.Breaking);
        var added = changes.Count(c => c.Kind == ChangeKind.ActionAdded);
        var removed = changes.Count(c => c.Kind == ChangeKind.ActionRemoved);
        var changedActions = changes.Where(c => c.Kind is not ChangeKind.ActionAdded and not ChangeKind.ActionRemoved).Select(c => c.Action).Distinct().Count();
        if (changes.Count == 0)
        {
            output.WriteLine("No changes.");
            return;
        }

        output.WriteLine();
        output.WriteLine($"{changes.Count} change{S(changes.Count)} ({breaking} breaking): {added} action{S(added)} added, {removed} removed, {changedActions} changed."
            + (hidden > 0 ? $" {hidden} description change{S(hidden)} not shown (--verbose)." : string.Empty));
    }

    private static void WriteJson(TextWriter output, string oldPath, string newPath, IReadOnlyList<SchemaChange> changes, int exitCode, bool verbose)
    {
        var report = new
        {
            old = oldPath,
            @new = newPath,
            result = exitCode switch { ExitCodes.Breaking => "breaking", ExitCodes.Changes => "compatible", _ => "same" },
            exitCode,
            breaking = changes.Count(c => c.Breaking),
            changes = changes.Where(c => verbose || !c.IsDescriptionOnly).Select(c => new
            {
                kind = JsonNamingPolicy.CamelCase.ConvertName(c.Kind.ToString()),
                action = c.Action,
                integration = c.Integration,
                parameter = c.Parameter,
                breaking = c.Breaking,
                message = c.Message,
                old = c.Old,
                @new = c.New,
            }).ToList(),
        };
        output.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private static string Mark(SchemaChange change) => change.Breaking ? "  [breaking]" : string.Empty;

    private static string S(int count) => count == 1 ? string.Empty : "s";

    private static string Short(string? text)
    {
        var single = (text ?? string.Empty).Replace('\n', ' ').Replace('\r', ' ');
        return single.Length > 80 ? single[..77] + "..." : single;
    }
}
