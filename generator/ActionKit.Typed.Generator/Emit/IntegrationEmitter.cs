using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActionKit.Typed.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace ActionKit.Typed.Generator.Emit;

/// <summary>
/// Emits each action on its own (its types, its descriptor in the integration's catalog class
/// <c>ActionKitCatalog.Slack.SendMessage</c>, its methods on the facade <c>runner.Slack().SendMessageAsync(…)</c>), then
/// joins the actions of an integration into files of <see cref="ActionsPerFile"/> actions in wire-name order:
/// <c>ActionKit.Slack.g.cs</c>, <c>ActionKit.Slack.2.g.cs</c>, … The classes are partial across these files; the first
/// one declares what belongs to the integration once. A changed action re-emits only its own file.
/// </summary>
internal static class IntegrationEmitter
{
    /// <summary>Actions per generated file: small enough that one edit rewrites little, few enough files for the compiler.</summary>
    public const int ActionsPerFile = 64;

    /// <summary>The file name of an integration's <paramref name="part"/>-th file, counted from zero.</summary>
    private static string HintName(string className, int part) =>
        part == 0 ? $"ActionKit.{className}.g.cs" : $"ActionKit.{className}.{(part + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}.g.cs";

    /// <summary>One action's code, or the failure that stopped it (reported as AKT0099 with its file).</summary>
    public static EmittedAction EmitActionGuarded(PlacedAction placed)
    {
        var slice = placed.Slice;
        try
        {
            return EmitAction(placed);
        }
        catch (System.Exception ex) when (ex is not System.OperationCanceledException)
        {
            return new EmittedAction(slice.Namespace, slice.Key, slice.ClassName, slice.FacadeName, placed.Typed.Action.WireName, string.Empty, string.Empty, string.Empty, ex.Message);
        }
    }

    // One builder per thread, reused from action to action: an action's code is copied once, into its strings.
    [System.ThreadStatic]
    private static System.Text.StringBuilder? t_builder;

    private static EmittedAction EmitAction(PlacedAction placed)
    {
        var builder = t_builder ?? new System.Text.StringBuilder(40_000);
        t_builder = null;
        try
        {
            return EmitAction(placed, builder);
        }
        finally
        {
            builder.Clear();
            if (builder.Capacity <= 1_000_000)
            {
                t_builder = builder;
            }
        }
    }

    private static EmittedAction EmitAction(PlacedAction placed, System.Text.StringBuilder builder)
    {
        var slice = placed.Slice;
        var action = (slice.Retyped ?? placed.Typed.Spec!) with { MemberName = slice.MemberName };
        var descriptor = $"{JsonCode.Named("ActionKitCatalog")}.{slice.ClassName}.{action.MemberName}";

        var types = new SourceWriter(builder);

        // The request and result lead; the types they use follow.
        var ordered = action.Types
            .OrderBy(t => t.Name == action.RequestType ? 0 : t.Name == action.Result.Name ? 1 : 2);
        foreach (var type in ordered)
        {
            if (type.Kind == TypeSpecKind.Enum)
            {
                EnumEmitter.Emit(types, type);
            }
            else
            {
                var isRequest = type.Name == action.RequestType;
                RecordEmitter.Emit(types, type, isRequest ? action : null, isRequest ? descriptor : null);
            }

            types.Line();
        }

        var typesText = types.ToString();
        var member = new SourceWriter(builder, indent: 2);
        EmitDescriptor(member, action);
        var memberText = member.ToString();
        var facade = new SourceWriter(builder, indent: 1);
        EmitFacadeMethods(facade, action);
        return new EmittedAction(slice.Namespace, slice.Key, slice.ClassName, slice.FacadeName, action.WireName, typesText, memberText, facade.ToString(), null);
    }

    /// <summary>The actions of each integration, in wire-name order, cut into files of <see cref="ActionsPerFile"/>.</summary>
    public static IEnumerable<OutputChunk> Chunks(ImmutableArray<EmittedAction> actions)
    {
        foreach (var integration in actions.GroupBy(a => a.Key, System.StringComparer.Ordinal).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            var ordered = integration.OrderBy(a => a.WireName, System.StringComparer.Ordinal).ToList();
            var first = ordered[0];
            for (int part = 0, start = 0; start < ordered.Count; part++, start += ActionsPerFile)
            {
                var count = System.Math.Min(ActionsPerFile, ordered.Count - start);
                yield return new OutputChunk(
                    HintName(first.ClassName, part),
                    first.Namespace,
                    first.Key,
                    first.ClassName,
                    first.FacadeName,
                    part == 0,
                    ordered.GetRange(start, count).ToEquatableArray());
            }
        }
    }

    /// <summary>The file's text for the compiler, joined from the actions' cached pieces without an intermediate string.</summary>
    public static SourceText EmitText(OutputChunk chunk) => Write(chunk).ToSourceText();

    private static SourceWriter Write(OutputChunk chunk)
    {
        var w = new SourceWriter();
        w.Block(GeneratedCode.Header(chunk.Namespace)).Line();
        w.Line($"namespace {chunk.Namespace};").Line();

        foreach (var action in chunk.Actions)
        {
            w.Raw(action.Types);
        }

        EmitCatalogClass(w, chunk);
        w.Line();
        EmitFacade(w, chunk);
        return w;
    }

    private static void EmitCatalogClass(SourceWriter w, OutputChunk chunk)
    {
        w.Line("/// <summary>The actions this project generated from ActionKit schemas, by integration.</summary>");
        using (w.Braces("public static partial class ActionKitCatalog"))
        {
            if (chunk.First)
            {
                DocComments.Summary(w, null, $"Actions of the <c>{Literals.Xml(chunk.Key)}</c> integration.");
                w.Line(GeneratedCode.Attribute);
            }

            using (w.Braces($"public static partial class {chunk.ClassName}"))
            {
                if (chunk.First)
                {
                    w.Line($"/// <summary>The integration key as ActionKit spells it.</summary>");
                    w.Line($"public const string Key = {Literals.String(chunk.Key)};");
                }

                for (var i = 0; i < chunk.Actions.Count; i++)
                {
                    if (i > 0 || chunk.First)
                    {
                        w.Line();
                    }

                    w.Raw(chunk.Actions[i].Descriptor);
                }
            }
        }
    }

    private static void EmitDescriptor(SourceWriter w, ActionSpec action)
    {
        var request = JsonCode.Named(action.RequestType);
        var result = JsonCode.Type(action.Result);
        DocComments.Summary(w, action.Description, $"The {action.WireName} action.");
        DocComments.Remarks(w, string.Empty, action.WireName, string.Empty);
        var pagination = action.Pagination is { } page
            ? $"new __AK::ActionPagination(__AK::PaginationStyle.{StyleMember(page.Style)}, {Literals.String(page.Position)}, {Nullable(page.Limit)}, {Nullable(page.Items)}, {Nullable(page.NextCursor)})"
            : "null";
        var readResult = action.BinaryResult ? "null" : JsonCode.ReadFunc(action.Result, 0);
        var resultKind = action.BinaryResult ? "Binary" : "Json";
        w.Block($$"""
            public static readonly __AK::ActionDescriptor<{{request}}, {{result}}> {{action.MemberName}} = new(
                name: {{Literals.String(action.WireName)}},
                integration: Key,
                description: {{Literals.String(action.Description)}},
                safety: __AK::ActionSafety.{{(action.ReadOnly ? "Read" : "Write")}},
                pagination: {{pagination}},
                parametersSchemaJson: {{Literals.Raw(action.ParametersJson)}},
                schemaHash: {{Literals.String(action.SchemaHash)}},
                readRequest: {{request}}.__Json.ReadValue,
                readResult: {{readResult}},
                resultKind: __AK::ActionResultKind.{{resultKind}});
            """);
    }

    private static void EmitFacade(SourceWriter w, OutputChunk chunk)
    {
        if (chunk.First)
        {
            DocComments.Summary(w, null, $"Runs <c>{Literals.Xml(chunk.Key)}</c> actions; every action is a method with its documentation.");
            w.Line(GeneratedCode.Attribute);
        }

        using (w.Braces($"public sealed partial class {chunk.FacadeName}"))
        {
            if (chunk.First)
            {
                w.Block($$"""
                    private readonly __AK::IActionRunner _runner;

                    /// <summary>Creates the facade over a runner, usually an <c>ActionKitClient</c>.</summary>
                    public {{chunk.FacadeName}}(__AK::IActionRunner runner) => _runner = runner ?? throw new global::System.ArgumentNullException(nameof(runner));
                    """);
            }

            for (var i = 0; i < chunk.Actions.Count; i++)
            {
                if (i > 0 || chunk.First)
                {
                    w.Line();
                }

                w.Raw(chunk.Actions[i].Facade);
            }
        }

        if (chunk.First)
        {
            var facade = JsonCode.Named(chunk.FacadeName);
            w.Line();
            w.Line("/// <summary>Integration facades on any action runner: <c>client.Slack().SendMessageAsync(…)</c>.</summary>");
            using (w.Braces("public static partial class ActionKitRunnerExtensions"))
            {
                DocComments.Summary(w, null, $"The <c>{Literals.Xml(chunk.Key)}</c> actions.");
                w.Line($"public static {facade} {chunk.ClassName}(this __AK::IActionRunner runner) => new(runner);");
            }
        }
    }

    /// <summary>One action's methods on its integration's facade.</summary>
    private static void EmitFacadeMethods(SourceWriter w, ActionSpec action)
    {
        var result = JsonCode.Type(action.Result);
        DocComments.Summary(w, action.Description, $"Runs {action.WireName}.");
        w.Line($"public global::System.Threading.Tasks.Task<global::System.ClientModel.ClientResult<{result}>> {action.MemberName}Async({JsonCode.Named(action.RequestType)} request, global::System.Threading.CancellationToken cancellationToken = default) =>");
        w.Line($"    _runner.RunAsync(request, cancellationToken);");
        if (action.Pagination is { } page)
        {
            var item = JsonCode.Type(page.ItemType);
            w.Line();
            DocComments.Summary(w, null, $"Every item of {Literals.Xml(action.WireName)}, fetched page by page as it is enumerated ({page.Style} pagination).");
            w.Line($"public __AK::ActionPageable<{item}> {action.MemberName}PagedAsync({JsonCode.Named(action.RequestType)} request, __AK::PaginationOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default) =>");
            w.Line($"    __AK::ActionRunnerPaginationExtensions.PaginateAsync(_runner, request, options, cancellationToken);");
        }
    }

    private static string StyleMember(string style) => style switch
    {
        "offset" => "Offset",
        "pageNumber" => "PageNumber",
        _ => "Cursor",
    };

    private static string Nullable(string? value) => value is null ? "null" : Literals.String(value);
}
