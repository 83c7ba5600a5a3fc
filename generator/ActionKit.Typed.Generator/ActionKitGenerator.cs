using ActionKit.Typed.Generator.Emit;
using ActionKit.Typed.Generator.Model;
using ActionKit.Typed.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ActionKit.Typed.Generator;

/// <summary>
/// Turns ActionKit schema files into typed requests, results, a catalog and facades. Only wires the pipeline:
/// files → <see cref="SchemaFileReader"/> (per file, cached) → <see cref="CatalogBuilder"/> (all files) →
/// one output per integration plus the catalog index, each compared by value so unchanged output is not re-emitted.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActionKitGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => SchemaInput.Classify(pair.Left, pair.Right.GetOptions(pair.Left)))
            .Where(static input => input is not null)
            .WithTrackingName(TrackingNames.Inputs)
            .Select(static (input, cancellationToken) => SchemaFileReader.Read(input!, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GeneratorSettings.From(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Settings);

        var catalog = files.Collect()
            .Combine(settings)
            .Select(static (pair, cancellationToken) => CatalogBuilder.BuildGuarded(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Build);

        var integrations = catalog
            .SelectMany(static (model, _) => model.Integrations)
            .WithTrackingName(TrackingNames.Integrations);

        var index = catalog
            .Select(static (model, _) => model.Index)
            .WithTrackingName(TrackingNames.Index);

        context.RegisterSourceOutput(files, static (spc, file) =>
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(catalog.Select(static (model, _) => model.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(integrations, static (spc, integration) =>
            Guarded(spc, integration.Key, () => spc.AddSource(IntegrationEmitter.HintName(integration), SourceText.From(IntegrationEmitter.Emit(integration), System.Text.Encoding.UTF8))));

        context.RegisterSourceOutput(index, static (spc, model) =>
        {
            if (model.Entries.Count > 0)
            {
                Guarded(spc, "the catalog", () => spc.AddSource(CatalogIndexEmitter.HintName, SourceText.From(CatalogIndexEmitter.Emit(model), System.Text.Encoding.UTF8)));
            }
        });
    }

    /// <summary>A failure of the generator itself becomes AKT0099 instead of CS8785: one integration's output is lost, not the build.</summary>
    private static void Guarded(SourceProductionContext context, string what, System.Action emit)
    {
        try
        {
            emit();
        }
        catch (System.Exception ex) when (ex is not System.OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(Diagnostics.DiagnosticDescriptors.InternalError, Location.None, what, ex.Message));
        }
    }
}
