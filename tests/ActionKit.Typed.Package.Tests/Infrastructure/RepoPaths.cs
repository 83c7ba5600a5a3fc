using System;
using System.IO;

namespace ActionKit.Typed.Package.Tests.Infrastructure;

/// <summary>Where the repository and the shared schema corpus are, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding ActionKit.Typed.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The project that `dotnet pack` turns into the ActionKit.Typed package.</summary>
    public static string RuntimeProject => Path.Combine(Root, "runtime", "ActionKit.Typed", "ActionKit.Typed.csproj");

    /// <summary>The bundled catalog's schema and annotation files, as the package carries them.</summary>
    public static string BundledSchemas => Path.Combine(Root, "schemas");

    /// <summary>Real captured schemas, beside the repository (<c>../shared/actionkit-corpus</c>); absent on some machines.</summary>
    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "actionkit-corpus"));

    public static bool CorpusExists => Directory.Exists(Corpus);

    public static string CorpusAbsentMessage =>
        $"The schema corpus is not at {Corpus} (../shared/actionkit-corpus beside the repository); the corpus passes did not run.";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActionKit.Typed.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ActionKit.Typed.sln above {AppContext.BaseDirectory}.");
    }
}
