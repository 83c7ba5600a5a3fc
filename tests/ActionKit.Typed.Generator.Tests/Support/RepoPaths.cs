using System;
using System.IO;

namespace ActionKit.Typed.Generator.Tests.Support;

/// <summary>Folders the tests read: the repository (found by walking up to ActionKit.Typed.sln), its catalog, the shared corpus.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string TestProject => Path.Combine(Root, "tests", "ActionKit.Typed.Generator.Tests");

    public static string Baselines => Path.Combine(TestProject, "Baselines");

    /// <summary>The real captured schemas beside the repository, or null when that folder is absent.</summary>
    public static string? Corpus
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "actionkit-corpus"));
            return Directory.Exists(path) ? path : null;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActionKit.Typed.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ActionKit.Typed.sln not found above " + AppContext.BaseDirectory);
    }
}
