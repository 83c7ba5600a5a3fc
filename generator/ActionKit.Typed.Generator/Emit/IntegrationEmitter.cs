using System.Linq;
using ActionKit.Typed.Generator.Model;

namespace ActionKit.Typed.Generator.Emit;

/// <summary>
/// One file per integration: its request/result types, its catalog class (<c>ActionKitCatalog.Slack.SendMessage</c>)
/// and its facade (<c>runner.Slack().SendMessageAsync(…)</c>). A changed schema re-emits only its integration.
/// </summary>
internal static class IntegrationEmitter
{
    public static string HintName(IntegrationSpec integration) => $"ActionKit.{integration.ClassName}.g.cs";

    public static string Emit(IntegrationSpec integration)
    {
        var json = new JsonCode(integration.Namespace);
        var w = new SourceWriter();
        w.Block(GeneratedCode.Header).Line();
        w.Line($"namespace {integration.Namespace};").Line();

        foreach (var action in integration.Actions)
        {
            var descriptor = Descriptor(integration, action, json);
            // The request and result lead; the types they use follow.
            var ordered = action.Types
                .OrderBy(t => t.Name == action.RequestType ? 0 : t.Name == action.Result.Name ? 1 : 2);
            foreach (var type in ordered)
            {
                if (type.Kind == TypeSpecKind.Enum)
                {
                    EnumEmitter.Emit(w, type, json);
                }
                else
                {
                    var isRequest = type.Name == action.RequestType;
                    RecordEmitter.Emit(w, type, json, isRequest ? action : null, isRequest ? descriptor : null);
                }

                w.Line();
            }
        }

        EmitCatalogClass(w, integration, json);
        w.Line();
        EmitFacade(w, integration, json);
        return w.ToString();
    }

    private static string Descriptor(IntegrationSpec integration, ActionSpec action, JsonCode json) =>
        $"{json.Named("ActionKitCatalog")}.{integration.ClassName}.{action.MemberName}";

    private static void EmitCatalogClass(SourceWriter w, IntegrationSpec integration, JsonCode json)
    {
        w.Line("/// <summary>The actions this project generated from ActionKit schemas, by integration.</summary>");
        using (w.Braces("public static partial class ActionKitCatalog"))
        {
            DocComments.Summary(w, null, $"Actions of the <c>{Literals.Xml(integration.Key)}</c> integration.");
            w.Line(GeneratedCode.Attribute);
            using (w.Braces($"public static partial class {integration.ClassName}"))
            {
                w.Line($"/// <summary>The integration key as ActionKit spells it.</summary>");
                w.Line($"public const string Key = {Literals.String(integration.Key)};");
                foreach (var action in integration.Actions)
                {
                    w.Line();
                    EmitDescriptor(w, action, json);
                }
            }
        }
    }

    private static void EmitDescriptor(SourceWriter w, ActionSpec action, JsonCode json)
    {
        var request = json.Named(action.RequestType);
        var result = json.Type(action.Result);
        DocComments.Summary(w, action.Description, $"The {action.WireName} action.");
        DocComments.Remarks(w, $"<c>{Literals.Xml(action.WireName)}</c>");
        var pagination = action.Pagination is { } page
            ? $"new global::ActionKit.Typed.ActionPagination(global::ActionKit.Typed.PaginationStyle.{StyleMember(page.Style)}, {Literals.String(page.Position)}, {Nullable(page.Limit)}, {Nullable(page.Items)}, {Nullable(page.NextCursor)})"
            : "null";
        var readResult = action.BinaryResult ? "null" : json.ReadFunc(action.Result, 0);
        var resultKind = action.BinaryResult ? "Binary" : "Json";
        w.Block($$"""
            public static readonly global::ActionKit.Typed.ActionDescriptor<{{request}}, {{result}}> {{action.MemberName}} = new(
                name: {{Literals.String(action.WireName)}},
                integration: Key,
                description: {{Literals.String(action.Description)}},
                safety: global::ActionKit.Typed.ActionSafety.{{(action.ReadOnly ? "Read" : "Write")}},
                pagination: {{pagination}},
                parametersSchemaJson: {{Literals.String(action.ParametersJson)}},
                schemaHash: {{Literals.String(action.SchemaHash)}},
                readRequest: {{request}}.__Json.ReadValue,
                readResult: {{readResult}},
                resultKind: global::ActionKit.Typed.ActionResultKind.{{resultKind}});
            """);
    }

    private static void EmitFacade(SourceWriter w, IntegrationSpec integration, JsonCode json)
    {
        var facade = json.Named(integration.FacadeName);
        DocComments.Summary(w, null, $"Runs <c>{Literals.Xml(integration.Key)}</c> actions; every action is a method with its documentation.");
        w.Line(GeneratedCode.Attribute);
        using (w.Braces($"public sealed partial class {integration.FacadeName}"))
        {
            w.Block($$"""
                private readonly global::ActionKit.Typed.IActionRunner _runner;

                /// <summary>Creates the facade over a runner, usually an <c>ActionKitClient</c>.</summary>
                public {{integration.FacadeName}}(global::ActionKit.Typed.IActionRunner runner) => _runner = runner ?? throw new global::System.ArgumentNullException(nameof(runner));
                """);
            foreach (var action in integration.Actions)
            {
                var result = json.Type(action.Result);
                w.Line();
                DocComments.Summary(w, action.Description, $"Runs {action.WireName}.");
                w.Line($"public global::System.Threading.Tasks.Task<global::System.ClientModel.ClientResult<{result}>> {action.MemberName}Async({json.Named(action.RequestType)} request, global::System.Threading.CancellationToken cancellationToken = default) =>");
                w.Line($"    _runner.RunAsync(request, cancellationToken);");
                if (action.Pagination is { } page)
                {
                    var item = json.Type(page.ItemType);
                    w.Line();
                    DocComments.Summary(w, null, $"Every item of {Literals.Xml(action.WireName)}, fetched page by page as it is enumerated ({page.Style} pagination).");
                    w.Line($"public global::ActionKit.Typed.ActionPageable<{item}> {action.MemberName}PagedAsync({json.Named(action.RequestType)} request, global::ActionKit.Typed.PaginationOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default) =>");
                    w.Line($"    global::ActionKit.Typed.ActionRunnerPaginationExtensions.PaginateAsync(_runner, request, options, cancellationToken);");
                }
            }
        }

        w.Line();
        w.Line("/// <summary>Integration facades on any action runner: <c>client.Slack().SendMessageAsync(…)</c>.</summary>");
        using (w.Braces("public static partial class ActionKitRunnerExtensions"))
        {
            DocComments.Summary(w, null, $"The <c>{Literals.Xml(integration.Key)}</c> actions.");
            w.Line($"public static {facade} {integration.ClassName}(this global::ActionKit.Typed.IActionRunner runner) => new(runner);");
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
