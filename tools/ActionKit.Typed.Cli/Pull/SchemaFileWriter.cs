using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ActionKit.Typed.Cli.Common;

namespace ActionKit.Typed.Cli.Pull;

/// <summary>What happened to one file.</summary>
internal enum FileOutcome
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>
/// Writes a set of files so that a failure leaves the previous ones intact: every new file is first written in full
/// to a temporary file beside its target (same folder, so the final move is a rename), and only when all are
/// written are they moved into place. Unchanged files are not rewritten, so their timestamps (and incremental
/// builds) are kept. Annotation files are never written.
/// </summary>
internal static class SchemaFileWriter
{
    private static readonly System.Threading.AsyncLocal<Action<string>?> Staged = new();

    /// <summary>Called after each temporary file is written, in the current async flow only; tests use it to fail half-way.</summary>
    internal static Action<string>? AfterStaged
    {
        get => Staged.Value;
        set => Staged.Value = value;
    }

    public static IReadOnlyList<(string Path, FileOutcome Outcome)> WriteAll(string folder, IReadOnlyList<(string FileName, byte[] Content)> files)
    {
        Directory.CreateDirectory(folder);
        var staged = new List<(string Temp, string Target, FileOutcome Outcome)>();
        var results = new List<(string, FileOutcome)>();
        try
        {
            foreach (var (fileName, content) in files)
            {
                if (SchemaFiles.IsAnnotation(fileName) || fileName.IndexOfAny(new[] { '/', '\\' }) >= 0)
                {
                    throw new CliException($"Refusing to write '{fileName}': pull writes only schema files directly in the output folder.");
                }

                var target = Path.Combine(folder, fileName);
                var exists = File.Exists(target);
                if (exists && File.ReadAllBytes(target).AsSpan().SequenceEqual(content))
                {
                    results.Add((target, FileOutcome.Unchanged));
                    continue;
                }

                var temp = Path.Combine(folder, $".{fileName}.{Guid.NewGuid():N}.tmp");
                staged.Add((temp, target, exists ? FileOutcome.Updated : FileOutcome.Created));
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(content);
                    stream.Flush(flushToDisk: true);
                }

                AfterStaged?.Invoke(target);
            }
        }
        catch
        {
            foreach (var (temp, _, _) in staged)
            {
                TryDelete(temp);
            }

            throw;
        }

        foreach (var (temp, target, outcome) in staged)
        {
            File.Move(temp, target, overwrite: true);
            results.Add((target, outcome));
        }

        return results.OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
