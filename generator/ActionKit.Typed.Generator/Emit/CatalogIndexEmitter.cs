using ActionKit.Typed.Generator.Model;

namespace ActionKit.Typed.Generator.Emit;

/// <summary>The collected catalog: <c>ActionKitCatalog.All</c>, <c>TryGet</c> and <c>Get</c> over every integration's actions.</summary>
internal static class CatalogIndexEmitter
{
    public const string HintName = "ActionKit.Catalog.g.cs";

    public static string Emit(CatalogIndexSpec index)
    {
        var w = new SourceWriter();
        w.Block(GeneratedCode.Header).Line();
        w.Line($"namespace {index.Namespace};").Line();
        w.Line("/// <summary>The actions this project generated from ActionKit schemas, by integration.</summary>");
        using (w.Braces("public static partial class ActionKitCatalog"))
        {
            w.Line("/// <summary>Every action, enumerable and looked up by wire name.</summary>");
            w.Line("public static global::ActionKit.Typed.ActionCatalog All { get; } = new(new global::ActionKit.Typed.ActionDescriptor[]");
            w.Line("{");
            foreach (var entry in index.Entries)
            {
                w.Line($"    {entry.ClassName}.{entry.MemberName},");
            }

            w.Block("""
                });

                /// <summary>Finds an action by wire name, as an LLM tool call names it.</summary>
                public static bool TryGet(string name, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out global::ActionKit.Typed.ActionDescriptor? action) => All.TryGet(name, out action);

                /// <summary>Finds an action by wire name.</summary>
                /// <exception cref="global::System.ArgumentException">No action has that name.</exception>
                public static global::ActionKit.Typed.ActionDescriptor Get(string name) => All.Get(name);
                """);
        }

        return w.ToString();
    }
}
