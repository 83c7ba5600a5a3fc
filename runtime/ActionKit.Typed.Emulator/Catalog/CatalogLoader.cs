using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace ActionKit.Typed.Emulator.Catalog;

/// <summary>Builds the catalog from the bundled schemas, then schema directories, files and inline documents, in that order.</summary>
internal static class CatalogLoader
{
    private const string BundledPrefix = "schemas/";

    public static SchemaCatalog Load(ActionKitEmulatorOptions options)
    {
        var builder = new CatalogBuilder();
        if (options.IncludeBundledCatalog)
        {
            LoadBundled(builder);
        }

        foreach (var directory in options.SchemaDirectories)
        {
            LoadDirectory(directory, builder);
        }

        foreach (var file in options.SchemaFiles)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"The schema file '{file}' does not exist.", file);
            }

            LoadFile(file, folderIntegration: null, builder);
        }

        var index = 0;
        foreach (var json in options.SchemaDocuments)
        {
            SchemaFileReader.Read(Encoding.UTF8.GetBytes(json), null, $"SchemaDocuments[{index++}]", builder);
        }

        index = 0;
        foreach (var json in options.AnnotationDocuments)
        {
            AnnotationFileReader.Read(Encoding.UTF8.GetBytes(json), $"AnnotationDocuments[{index++}]", builder);
        }

        return builder.Build();
    }

    /// <summary>The names of the schema files embedded in the emulator assembly.</summary>
    public static string[] BundledResourceNames() =>
        typeof(CatalogLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(BundledPrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static void LoadBundled(CatalogBuilder builder)
    {
        Assembly assembly = typeof(CatalogLoader).Assembly;
        foreach (var name in BundledResourceNames())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.GetBuffer().AsMemory(0, (int)memory.Length);
            if (AnnotationFileReader.IsAnnotationFile(name))
            {
                AnnotationFileReader.Read(bytes, name, builder);
            }
            else
            {
                SchemaFileReader.Read(bytes, null, name, builder);
            }
        }
    }

    private static void LoadDirectory(string directory, CatalogBuilder builder)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The schema directory '{directory}' does not exist.");
        }

        var root = Path.GetFullPath(directory);
        var files = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        foreach (var file in files)
        {
            // Bare tools in a sub-folder belong to the folder's integration (the corpus layout: slack/SLACK_X.json).
            var folder = Path.GetDirectoryName(file)!;
            var folderIntegration = string.Equals(folder, root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)
                ? null
                : Path.GetFileName(folder);
            LoadFile(file, folderIntegration, builder);
        }
    }

    private static void LoadFile(string file, string? folderIntegration, CatalogBuilder builder)
    {
        var bytes = File.ReadAllBytes(file);
        if (AnnotationFileReader.IsAnnotationFile(file))
        {
            AnnotationFileReader.Read(bytes, file, builder);
        }
        else
        {
            SchemaFileReader.Read(bytes, folderIntegration, file, builder);
        }
    }
}
