using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed.Package.Tests.Infrastructure;

/// <summary>
/// Many consumer projects built by one `dotnet build` of a solution that lists them all: one restore and one
/// MSBuild session instead of one per project, which matters on a small machine. Each project is still its own
/// compilation, so each is its own generator pass; results are read back per project.
/// </summary>
public sealed class ConsumerBuild
{
    private readonly Dictionary<string, ConsumerProject> _projects;

    private ConsumerBuild(string root, IReadOnlyList<ConsumerProject> projects, ProcessResult result)
    {
        Root = root;
        _projects = projects.ToDictionary(p => p.Name, StringComparer.Ordinal);
        Result = result;
        Diagnostics = BuildDiagnostics.Parse(result.Output);
    }

    public string Root { get; }

    public ProcessResult Result { get; }

    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; }

    public static async Task<ConsumerBuild> RunAsync(PackageFixture package, IReadOnlyList<ConsumerProject> projects, CancellationToken cancellationToken)
    {
        package.EnsurePacked();
        var root = Path.Combine(package.WorkDirectory, "consumers");
        package.WriteNuGetConfig(root);
        foreach (var project in projects)
        {
            project.WriteTo(root, package.Version);
        }

        var solution = Path.Combine(root, "Consumers.slnx");
        File.WriteAllText(solution, "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"{p.Name}/{p.Name}.csproj\" />\n")) + "</Solution>\n");
        var result = await ProcessRunner.DotNetAsync(
            root,
            ["build", solution, "-nologo", "-tl:off", "-nodeReuse:false", "-v:minimal"],
            TimeSpan.FromMinutes(30),
            cancellationToken);
        return new ConsumerBuild(root, projects, result);
    }

    /// <summary>How one consumer fared: its warnings and errors, and whether its assembly was produced.</summary>
    public ConsumerOutcome For(string name)
    {
        var project = _projects[name];
        var path = project.ProjectPath(Root);
        var diagnostics = BuildDiagnostics.ForProject(Diagnostics, path);
        return new ConsumerOutcome(project, path, project.OutputAssembly(Root), diagnostics, Result);
    }
}

public sealed record ConsumerOutcome(ConsumerProject Project, string ProjectPath, string Assembly, IReadOnlyList<BuildDiagnostic> Diagnostics, ProcessResult Build)
{
    public IReadOnlyList<BuildDiagnostic> Warnings => Diagnostics.Where(d => d.IsWarning).ToList();

    public IReadOnlyList<BuildDiagnostic> Errors => Diagnostics.Where(d => d.IsError).ToList();

    public bool Built => Errors.Count == 0 && File.Exists(Assembly);

    /// <summary>For assertion messages: this project's diagnostics, then the whole build output.</summary>
    public string Describe() =>
        $"{Project.Name}: {Errors.Count} error(s), {Warnings.Count} warning(s)\n{BuildDiagnostics.Format(Diagnostics)}\n--- build output ---\n{Build.Describe()}";

    /// <summary>Runs the built program with `dotnet` and returns its output lines.</summary>
    public async Task<ProcessResult> RunAsync(CancellationToken cancellationToken) =>
        await ProcessRunner.RunAsync(ProcessRunner.DotNetHost, [Assembly], Path.GetDirectoryName(ProjectPath)!, TimeSpan.FromMinutes(2), cancellationToken);
}
