using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ActionKit.Typed.Cli.Common;

/// <summary>Finds schema and annotation files in the paths a command is given.</summary>
internal static class SchemaFiles
{
    public const string AnnotationSuffix = ".annotations.json";

    public static bool IsAnnotation(string path) => path.EndsWith(AnnotationSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every <c>*.json</c> file under the paths (folders searched recursively), in ordinal order.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories)
                    .Where(f => !IsHidden(Path.GetRelativePath(path, f))));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new CliException($"'{path}' does not exist.");
            }
        }

        return files.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    /// <summary>Files and folders starting with '.' (temporary pull files, .git) are not inputs; neither are bin/obj.</summary>
    private static bool IsHidden(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .Any(s => s.StartsWith('.') || s is "bin" or "obj");

    /// <summary>A path as the user should read it: relative to the current folder when below it.</summary>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
