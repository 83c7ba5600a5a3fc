using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using ActionKit.Typed.Cli.Common;
using ActionKit.Typed.Cli.Pull;
using Microsoft.CodeAnalysis;

namespace ActionKit.Typed.Cli.Generate;

/// <summary><c>generate</c>: write the C# that the source generator emits for a set of schema and annotation files.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("PATHS") { Description = "Schema and annotation files, or folders of them (*.json; *.annotations.json are annotations).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "The folder to write the generated .g.cs files to.", Required = true };
        var ns = new Option<string?>("--namespace", "-n") { Description = "Namespace of the generated code, as <ActionKitNamespace> sets it in a build (default: ActionKit.Generated)." };
        var command = new Command("generate", "Write the C# the ActionKit.Typed source generator emits for the given schemas, for inspection or check-in. The real generator runs, so the output is exactly what a build compiles. Error diagnostics give exit code 1.")
        {
            inputs, output, ns,
        };
        command.SetAction((parse, cancellationToken) => CliApp.Guard(context, () =>
            Run(context, parse.GetValue(inputs)!, parse.GetValue(output)!, parse.GetValue(ns), cancellationToken)));
        return command;
    }

    public static int Run(CliContext context, string[] inputs, string output, string? @namespace, CancellationToken cancellationToken)
    {
        var files = SchemaFiles.Expand(inputs);
        if (files.Count == 0)
        {
            throw new CliException($"No schema files in {string.Join(", ", inputs)}.");
        }

        var result = GeneratorHost.Run(files, @namespace, cancellationToken);
        foreach (var diagnostic in result.Diagnostics)
        {
            context.Error.WriteLine(Diagnostics.Format(diagnostic));
        }

        var folder = Path.GetFullPath(output);
        var written = SchemaFileWriter.WriteAll(folder, result.Files.Select(f => (f.HintName, Encoding.UTF8.GetBytes(f.Text))).ToList());
        var current = result.Files.Select(f => f.HintName).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(folder, "ActionKit.*.g.cs").Where(f => !current.Contains(Path.GetFileName(f))).ToList())
        {
            File.Delete(stale);
            context.Output.WriteLine($"  deleted   {SchemaFiles.Display(stale)}");
        }

        foreach (var (path, outcome) in written)
        {
            context.Output.WriteLine($"  {outcome.ToString().ToLowerInvariant(),-9} {SchemaFiles.Display(path)}");
        }

        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        context.Output.WriteLine($"Generated {result.Files.Count} file{(result.Files.Count == 1 ? string.Empty : "s")} from {files.Count} input file{(files.Count == 1 ? string.Empty : "s")} into {SchemaFiles.Display(folder)}; {errors} error(s), {warnings} warning(s).");
        return errors > 0 ? ExitCodes.Changes : ExitCodes.Success;
    }
}
