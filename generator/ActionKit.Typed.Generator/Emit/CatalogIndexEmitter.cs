using ActionKit.Typed.Generator.Model;

namespace ActionKit.Typed.Generator.Emit;

/// <summary>The collected catalog: <c>ActionKitCatalog.All</c>, <c>TryGet</c> and <c>Get</c> over every integration's actions.</summary>
internal static class CatalogIndexEmitter
{
    public const string HintName = "ActionKit.Catalog.g.cs";

    /// <summary>
    /// System.Text.Json metadata over the generated converters, so <c>JsonSerializer</c> works with generated types
    /// without reflection (Native AOT): <c>JsonSerializer.Serialize(request, ActionKitJson.TypeInfo&lt;T&gt;())</c>.
    /// </summary>
    private static void EmitJsonMetadata(SourceWriter w, CatalogIndexSpec index)
    {
        const string metadata = "global::System.Text.Json.Serialization.Metadata";
        w.Block($$"""
            /// <summary>System.Text.Json metadata for every generated type, over the generated converters: no reflection, Native AOT safe.</summary>
            {{GeneratedCode.Attribute}}
            public static class ActionKitJson
            {
                /// <summary>Options whose resolver knows every generated type; combine <see cref="Resolver"/> with your own to mix types.</summary>
                public static global::System.Text.Json.JsonSerializerOptions Options { get; } = new() { TypeInfoResolver = Resolver };

                /// <summary>Resolves the metadata of generated types (null for others).</summary>
                public static {{metadata}}.IJsonTypeInfoResolver Resolver { get; } = new GeneratedTypes();

                /// <summary>The metadata of a generated type, for <c>JsonSerializer.Serialize(value, ActionKitJson.TypeInfo&lt;T&gt;())</c>.</summary>
                /// <exception cref="global::System.NotSupportedException"><typeparamref name="T"/> is not a generated type.</exception>
                public static {{metadata}}.JsonTypeInfo<T> TypeInfo<T>() => ({{metadata}}.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

                private sealed class GeneratedTypes : {{metadata}}.IJsonTypeInfoResolver
                {
                    public {{metadata}}.JsonTypeInfo? GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)
                    {
            """);
        foreach (var type in index.Types)
        {
            var name = JsonCode.Named(type);
            w.Line($"            if (type == typeof({name})) return {metadata}.JsonMetadataServices.CreateValueInfo<{name}>(options, new {name}.__Json());");
        }

        w.Block("""
                        return null;
                    }
                }
            }
            """);
    }

    public static string Emit(CatalogIndexSpec index)
    {
        var w = new SourceWriter();
        w.Block(GeneratedCode.Header(index.Namespace)).Line();
        w.Line($"namespace {index.Namespace};").Line();
        w.Line("/// <summary>The actions this project generated from ActionKit schemas, by integration.</summary>");
        using (w.Braces("public static partial class ActionKitCatalog"))
        {
            w.Line("/// <summary>Every action, enumerable and looked up by wire name.</summary>");
            w.Line("public static __AK::ActionCatalog All { get; } = new(new __AK::ActionDescriptor[]");
            w.Line("{");
            foreach (var entry in index.Entries)
            {
                w.Line($"    {entry.ClassName}.{entry.MemberName},");
            }

            w.Block("""
                });

                /// <summary>Finds an action by wire name, as an LLM tool call names it.</summary>
                public static bool TryGet(string name, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out __AK::ActionDescriptor? action) => All.TryGet(name, out action);

                /// <summary>Finds an action by wire name.</summary>
                /// <exception cref="global::System.ArgumentException">No action has that name.</exception>
                public static __AK::ActionDescriptor Get(string name) => All.Get(name);
                """);
        }

        w.Line();
        EmitJsonMetadata(w, index);
        return w.ToString();
    }
}
