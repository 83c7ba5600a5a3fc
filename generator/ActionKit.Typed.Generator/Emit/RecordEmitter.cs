using System.Globalization;
using System.Linq;
using ActionKit.Typed.Generator.Model;

namespace ActionKit.Typed.Generator.Emit;

/// <summary>
/// A sealed record per object schema with a nested reflection-free converter. Unknown wire properties are kept in
/// <c>AdditionalProperties</c> (one buffer of raw JSON per record, read into a dictionary on first use) and written
/// back, so user-specific custom fields survive a round trip.
/// </summary>
internal static class RecordEmitter
{
    // action and descriptor are given when the type is an action's request record.
    public static void Emit(SourceWriter w, TypeSpec type, ActionSpec? action = null, string? descriptor = null)
    {
        var self = JsonCode.Named(type.Name);
        DocComments.Summary(w, type.Description, action is null ? $"A value of the {type.Name} schema." : $"Parameters of {action.WireName}.");
        if (action is not null && !string.IsNullOrWhiteSpace(action.Description))
        {
            DocComments.Remarks(w, "Runs ", action.WireName, ".");
        }

        w.Line($"[__JsonConverter(typeof({self}.__Json))]");
        w.Line(GeneratedCode.Attribute);
        var interfaces = type.RequestResult is { } result ? $" : __AK::IActionRequest<{JsonCode.Type(result)}>" : string.Empty;
        var page = descriptor is not null ? action?.Pagination : null;
        if (page is not null)
        {
            interfaces += $", __AK::IPaginatedActionRequest<{JsonCode.Type(page.ItemType)}>";
        }

        using (w.Braces($"public sealed partial record {type.Name}{interfaces}"))
        {
            foreach (var property in type.Properties)
            {
                EmitProperty(w, property);
                w.Line();
            }

            w.Block("""
                /// <summary>Wire properties the schema does not declare, such as user-specific custom fields; written back as they are.</summary>
                public __Collections::IDictionary<string, __Element>? AdditionalProperties { get; init; }
                """);

            if (descriptor is not null && type.RequestResult is { } requestResult)
            {
                w.Line();
                w.Block($$"""
                    __AK::ActionDescriptor __AK::IActionRequest.Descriptor => {{descriptor}};

                    __AK::ActionDescriptor<{{JsonCode.Type(requestResult)}}> __AK::IActionRequest<{{JsonCode.Type(requestResult)}}>.Descriptor => {{descriptor}};

                    void __AK::IActionRequest.WriteParameters(__Writer writer) => __Json.WriteValue(writer, this);
                    """);
                if (page is not null)
                {
                    w.Line();
                    w.Line($"{JsonCode.Type(page.ItemType)} __AK::IPaginatedActionRequest<{JsonCode.Type(page.ItemType)}>.ReadItem(ref {JsonCode.Reader} reader) => {JsonCode.ReadFunc(page.ItemType, 0)}(ref reader);");
                }
            }

            w.Line();
            EmitConverter(w, type, self);
        }
    }

    private static void EmitProperty(SourceWriter w, PropertySpec property)
    {
        DocComments.Summary(w, property.Description, "The ", property.WireName, " value.");
        if (property.Name != property.WireName)
        {
            DocComments.Remarks(w, "Wire name: ", property.WireName, ".");
        }

        var type = JsonCode.Type(property.Type);
        var (modifier, nullable) = property.Required ? ("required ", string.Empty) : (string.Empty, "?");
        w.Line($"public {modifier}{type}{nullable} {property.Name} {{ get; init; }}");
    }

    private static void EmitConverter(SourceWriter w, TypeSpec type, string self)
    {
        // The base class turns the two static methods into System.Text.Json's Read and Write overrides.
        w.Line("/// <summary>Reads and writes this record with Utf8JsonReader and Utf8JsonWriter; no reflection.</summary>");
        using (w.Braces($"internal sealed class __Json() : {JsonCode.ConverterBase(self)}(ReadValue, WriteValue)"))
        {
            EmitRead(w, type, self);
            w.Line();
            EmitWrite(w, type, self);
        }
    }

    private static void EmitRead(SourceWriter w, TypeSpec type, string self)
    {
        if (type.Properties.Count > 0)
        {
            // Members are found by one lookup per property name, not by comparing the name with each member in turn.
            w.Line($"private static readonly {JsonCode.Ak("Serialization.JsonPropertyNames")} __names = new({string.Join(", ", type.Properties.Select(p => Literals.String(p.WireName)))});");
            w.Line();
        }

        using (w.Braces($"public static {self} ReadValue(ref {JsonCode.Reader} reader)"))
        {
            w.Line($"{JsonCode.Helpers}.ExpectStartObject(ref reader);");
            for (var i = 0; i < type.Properties.Count; i++)
            {
                var property = type.Properties[i];
                var seenFlag = property.Required ? $" bool has{I(i)} = false;" : string.Empty;
                w.Line($"{JsonCode.Type(property.Type)}? p{i} = default;{seenFlag}");
            }

            w.Line($"{JsonCode.Ak("Serialization.JsonExtensionDataBuilder")} extensions = default;");
            if (type.Properties.Count == 0)
            {
                w.Line($"while ({JsonCode.Helpers}.Next(ref reader) != {JsonCode.Token}.EndObject) {JsonCode.Helpers}.ReadExtension(ref reader, ref extensions);");
            }
            else
            {
                // Undeclared properties go to the extension data inside NextProperty; the switch sees declared ones only.
                using (w.Braces($"while ({JsonCode.Helpers}.NextProperty(ref reader, __names, ref extensions, out var index))"))
                using (w.Braces("switch (index)"))
                {
                    for (var i = 0; i < type.Properties.Count; i++)
                    {
                        var property = type.Properties[i];
                        var nullCheck = IsNullableRead(property.Type) ? string.Empty : $"reader.TokenType == {JsonCode.Token}.Null ? {NullOf(property.Type)} : ";
                        var seen = property.Required ? $" has{I(i)} = true;" : string.Empty;
                        w.Line($"case {i}: p{i} = {nullCheck}{JsonCode.Read(property.Type)};{seen} break;");
                    }
                }
            }

            for (var i = 0; i < type.Properties.Count; i++)
            {
                var property = type.Properties[i];
                if (property.Required)
                {
                    w.Line($"if (!has{i}) throw {JsonCode.Helpers}.MissingRequired({Literals.String(type.Name)}, {Literals.String(property.WireName)});");
                }
            }

            w.Open($"return new {self}");
            for (var i = 0; i < type.Properties.Count; i++)
            {
                var property = type.Properties[i];
                var suffix = property.Required ? property.Type.IsValueType ? ".GetValueOrDefault()" : "!" : string.Empty;
                w.Line($"{property.Name} = p{i}{suffix},");
            }

            w.Line("AdditionalProperties = extensions.Build(),");
            w.Close(";");
        }
    }

    private static void EmitWrite(SourceWriter w, TypeSpec type, string self)
    {
        using (w.Braces($"public static void WriteValue({JsonCode.Writer} writer, {self} value)"))
        {
            w.Line("writer.WriteStartObject();");
            for (var i = 0; i < type.Properties.Count; i++)
            {
                var property = type.Properties[i];
                var name = Literals.Utf8(property.WireName);
                if (property.Required && property.Type.IsValueType)
                {
                    w.Line(JsonCode.WriteProperty(property.Type, name, $"value.{property.Name}", braced: false));
                }
                else
                {
                    // A required reference left null is written as null: the caller said it, the server decides.
                    var local = "p" + I(i);
                    var orNull = property.Required ? $" else writer.WriteNull({name});" : string.Empty;
                    w.Line($"if (value.{property.Name} is {{ }} {local}) {JsonCode.WriteProperty(property.Type, name, local, braced: true)}{orNull}");
                }
            }

            w.Line($"{JsonCode.Helpers}.WriteExtensions(writer, value.AdditionalProperties);");
            w.Line("writer.WriteEndObject();");
        }
    }

    // A plain null would take the type of the other branch: a record's (a warning) or an open enum's, through its
    // conversion from string (a throw). Only JsonElement converts from nothing else, so its null stays untyped.
    private static string NullOf(TypeRef type) => type.Kind == TypeRefKind.Json ? "null" : $"default({JsonCode.Type(type)}?)";

    // Primitive readers already map JSON null to null; records, lists and JSON values need the check.
    private static bool IsNullableRead(TypeRef type) =>
        type.Kind is TypeRefKind.String or TypeRefKind.Double or TypeRefKind.Long or TypeRefKind.Boolean;

    private static string I(int i) => i.ToString(CultureInfo.InvariantCulture);
}
