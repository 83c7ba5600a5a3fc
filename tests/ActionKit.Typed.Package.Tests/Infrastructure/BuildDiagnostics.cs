using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ActionKit.Typed.Package.Tests.Infrastructure;

/// <summary>One warning or error line of MSBuild's console output.</summary>
public sealed record BuildDiagnostic(string Severity, string Code, string Line, string? Project)
{
    public bool IsWarning => Severity == "warning";

    public bool IsError => Severity == "error";

    public override string ToString() => Line;
}

/// <summary>Reads warnings and errors out of `dotnet build`/`publish` output (console logger, `-tl:off`).</summary>
public static partial class BuildDiagnostics
{
    [GeneratedRegex(@":\s*(?<severity>warning|error)\s+(?<code>[A-Za-z]+[0-9]+)\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosticPattern();

    [GeneratedRegex(@"\[(?<project>[^\[\]]+\.(?:cs|fs|vb)?proj)(?:::[^\]]*)?\]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectPattern();

    /// <summary>Distinct diagnostics (the summary repeats them), in order of appearance.</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<BuildDiagnostic>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            var match = DiagnosticPattern().Match(line);
            if (!match.Success || !seen.Add(line))
            {
                continue;
            }

            var project = ProjectPattern().Match(line) is { Success: true } p ? Path.GetFullPath(p.Groups["project"].Value) : null;
            result.Add(new BuildDiagnostic(match.Groups["severity"].Value, match.Groups["code"].Value, line, project));
        }

        return result;
    }

    /// <summary>The diagnostics of one project, and those that name no project (they may concern it).</summary>
    public static IReadOnlyList<BuildDiagnostic> ForProject(IEnumerable<BuildDiagnostic> diagnostics, string projectPath)
    {
        var full = Path.GetFullPath(projectPath);
        return diagnostics.Where(d => d.Project is null || string.Equals(d.Project, full, StringComparison.Ordinal)).ToList();
    }

    public static string Format(IEnumerable<BuildDiagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.Line));
}
