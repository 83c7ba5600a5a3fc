using System;
using ActionKit.Typed.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>An additional file the build marked as an ActionKit schema or annotation file.</summary>
internal sealed record SchemaInput(AdditionalText File, SchemaFileKind Kind, string? Integration)
{
    private const string KindMetadata = "build_metadata.AdditionalFiles.ActionKitKind";
    private const string IntegrationMetadata = "build_metadata.AdditionalFiles.ActionKitIntegration";

    /// <summary>Null for files that are not ActionKit's: other additional files are ignored.</summary>
    public static SchemaInput? Classify(AdditionalText file, AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue(KindMetadata, out var kind) || string.IsNullOrWhiteSpace(kind))
        {
            return null;
        }

        options.TryGetValue(IntegrationMetadata, out var integration);
        integration = string.IsNullOrWhiteSpace(integration) ? null : integration!.Trim();
        return kind.Trim().ToLowerInvariant() switch
        {
            "schema" => new SchemaInput(file, file.Path.EndsWith(".annotations.json", StringComparison.OrdinalIgnoreCase) ? SchemaFileKind.Annotation : SchemaFileKind.Schema, integration),
            "annotation" => new SchemaInput(file, SchemaFileKind.Annotation, integration),
            _ => null,
        };
    }
}
