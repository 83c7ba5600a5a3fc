using ActionKit.Typed.Generator.Emit;
using ActionKit.Typed.Generator.Model;
using ActionKit.Typed.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ActionKit.Typed.Generator;

/// <summary>
/// Turns ActionKit schema files into typed requests, results, a catalog and facades. Only wires the pipeline, which
/// works per action so that editing one schema re-does only what that edit touches:
/// files → <see cref="SchemaFileReader.Split(SchemaInput, System.Threading.CancellationToken)"/> (per file: its tools) →
/// each tool read and typed on its own → <see cref="CatalogPlanner"/> (the one global step, over names only) →
/// each action emitted with its slice of the plan → files of up to <see cref="IntegrationEmitter.ActionsPerFile"/>
/// actions per integration, plus the catalog index. Every step compares by value, so unchanged output is not re-emitted.
/// Tools are matched by position in their file: inserting one in the middle re-reads (and re-types) the tools after it,
/// whose outputs then compare equal.
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
            .Select(static (input, cancellationToken) => SchemaFileReader.Split(input!, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GeneratorSettings.From(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Settings);

        var reads = files
            .SelectMany(static (file, _) => file.Tools)
            .WithTrackingName(TrackingNames.Tools)
            .Select(static (tool, cancellationToken) => SchemaFileReader.ReadTool(tool, cancellationToken))
            .WithTrackingName(TrackingNames.Actions);

        var annotations = files
            .Where(static file => file.Kind == SchemaFileKind.Annotation)
            .Collect()
            .Select(static (all, _) => AnnotationTable.From(all))
            .WithTrackingName(TrackingNames.Annotations);

        var typed = reads
            .Where(static read => read.Action is not null)
            .Combine(annotations)
            .Select(static (pair, _) => new AnnotatedAction(pair.Left.Action!, pair.Left.Index, pair.Right.Find(pair.Left.Action!.WireName)))
            .WithTrackingName(TrackingNames.Annotate)
            .Select(static (action, cancellationToken) => ActionTyping.Type(action, cancellationToken))
            .WithTrackingName(TrackingNames.Typing);

        var names = typed
            .Select(static (action, _) => action.Naming())
            .WithTrackingName(TrackingNames.Names);

        var namePlan = names.Collect()
            .Combine(annotations)
            .Combine(settings)
            .Select(static (pair, cancellationToken) => CatalogPlanner.PlanNamesGuarded(pair.Left.Left, pair.Left.Right, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Plan);

        // Usually no action collides and this is an empty result computed in no time.
        var retyped = namePlan
            .Combine(typed.Collect())
            .Select(static (pair, cancellationToken) => CatalogPlanner.Retype(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Retype);

        var plan = namePlan
            .Combine(retyped)
            .Select(static (pair, _) => CatalogPlanner.Complete(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Catalog);

        var slices = plan
            .Select(static (model, _) => model.Slices)
            .WithTrackingName(TrackingNames.Slices);

        // Each action takes only its own slice, so a plan that changed elsewhere leaves this action's item equal.
        var chunks = typed
            .Combine(slices)
            .Select(static (pair, _) => pair.Right.Find(pair.Left.Action.SourcePath, pair.Left.Source.Index) is { } slice ? new PlacedAction(pair.Left, slice) : null)
            .Where(static placed => placed is not null)
            .WithTrackingName(TrackingNames.Place)
            .Select(static (placed, _) => IntegrationEmitter.EmitActionGuarded(placed!))
            .WithTrackingName(TrackingNames.Emit)
            .Collect()
            .SelectMany(static (actions, _) => IntegrationEmitter.Chunks(actions))
            .WithTrackingName(TrackingNames.Files);

        var index = plan
            .Select(static (model, _) => model.Index)
            .WithTrackingName(TrackingNames.Index);

        var diagnostics = reads
            .Collect()
            .Combine(files.Where(static file => file.Kind == SchemaFileKind.Schema).Select(static (file, _) => new FileAnchors(file.Path, file.Anchors)).Collect())
            .Combine(plan.Select(static (model, _) => model.Diagnostics))
            .Select(static (pair, _) => CatalogPlanner.PlaceDiagnostics(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(files, static (spc, file) =>
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(diagnostics, static (spc, all) =>
        {
            foreach (var diagnostic in all)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(chunks, static (spc, chunk) =>
        {
            foreach (var action in chunk.Actions)
            {
                if (action.Error is { } error)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.DiagnosticDescriptors.InternalError, Location.None, action.WireName, error));
                }
            }

            Guarded(spc, chunk.HintName, () => spc.AddSource(chunk.HintName, IntegrationEmitter.EmitText(chunk)));
        });

        context.RegisterSourceOutput(index, static (spc, model) =>
        {
            if (model.Entries.Count > 0)
            {
                Guarded(spc, "the catalog", () => spc.AddSource(CatalogIndexEmitter.HintName, SourceText.From(CatalogIndexEmitter.Emit(model), System.Text.Encoding.UTF8)));
            }
        });
    }

    /// <summary>A failure of the generator itself becomes AKT0099 instead of CS8785: one file's output is lost, not the build.</summary>
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
