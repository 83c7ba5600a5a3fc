using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using ActionKit.Typed.Generator.Model;
using ActionKit.Typed.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ActionKit.Typed.Cli.Common;

/// <summary>One action as the schema files state it.</summary>
internal sealed record ActionEntry(string Name, string Integration, string Description, JsonObject Parameters, string SourcePath);

/// <summary>
/// The actions in a set of schema files, read by the generator's own reader, so any envelope a build accepts
/// (List Actions response, bare tool, array of tools) is accepted here, with the same integration rules.
/// </summary>
internal sealed class SchemaSet
{
    private SchemaSet(IReadOnlyDictionary<string, ActionEntry> actions, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> files)
    {
        Actions = actions;
        Diagnostics = diagnostics;
        Files = files;
    }

    public IReadOnlyDictionary<string, ActionEntry> Actions { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public IReadOnlyList<string> Files { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Reads the schema files (not annotation files) in a file or folder.</summary>
    public static SchemaSet Load(string path, CancellationToken cancellationToken)
    {
        var files = SchemaFiles.Expand(new[] { path }).Where(f => !SchemaFiles.IsAnnotation(f)).ToList();
        var actions = new Dictionary<string, ActionEntry>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        foreach (var file in files)
        {
            var model = SchemaFileReader.Read(file, SourceText.From(File.ReadAllText(file)), SchemaFileKind.Schema, null, cancellationToken);
            diagnostics.AddRange(model.Diagnostics.Select(d => d.ToDiagnostic()));
            foreach (var action in model.Actions)
            {
                if (actions.ContainsKey(action.WireName))
                {
                    continue;
                }

                var parameters = JsonNode.Parse(action.ParametersJson) as JsonObject ?? new JsonObject();
                actions.Add(action.WireName, new ActionEntry(action.WireName, action.Integration, action.Description, parameters, file));
            }
        }

        return new SchemaSet(actions, diagnostics, files);
    }
}
