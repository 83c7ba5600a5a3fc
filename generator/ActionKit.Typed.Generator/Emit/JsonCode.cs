using System;
using System.Globalization;
using ActionKit.Typed.Generator.Model;

namespace ActionKit.Typed.Generator.Emit;

/// <summary>C# type names and Utf8JsonReader/Utf8JsonWriter code for each <see cref="TypeRef"/>; no reflection anywhere.</summary>
internal sealed class JsonCode
{
    public const string Helpers = "global::ActionKit.Typed.Serialization.GeneratedJson";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";

    private readonly string _namespace;

    public JsonCode(string ns) => _namespace = ns;

    public string Type(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String => "string",
        TypeRefKind.Double => "double",
        TypeRefKind.Long => "long",
        TypeRefKind.Boolean => "bool",
        TypeRefKind.Json => "global::System.Text.Json.JsonElement",
        TypeRefKind.Record or TypeRefKind.Enum => Named(type.Name!),
        TypeRefKind.List => $"global::System.Collections.Generic.IReadOnlyList<{Type(type.Element!)}>",
        TypeRefKind.Map => $"global::System.Collections.Generic.IReadOnlyDictionary<string, {Type(type.Element!)}>",
        TypeRefKind.Untyped => "global::ActionKit.Typed.UntypedActionResult",
        TypeRefKind.Stream => "global::ActionKit.Typed.ActionStreamResult",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public string Named(string name) => $"global::{_namespace}.{name}";

    /// <summary>An expression reading the current value; primitives come back nullable (JSON null → null).</summary>
    public string Read(TypeRef type, string reader = "reader") => type.Kind switch
    {
        TypeRefKind.String => $"{Helpers}.ReadString(ref {reader})",
        TypeRefKind.Double => $"{Helpers}.ReadDouble(ref {reader})",
        TypeRefKind.Long => $"{Helpers}.ReadInt64(ref {reader})",
        TypeRefKind.Boolean => $"{Helpers}.ReadBoolean(ref {reader})",
        TypeRefKind.List => $"{Helpers}.ReadList<{Type(type.Element!)}>(ref {reader}, {ReadFunc(type.Element!, 1)})",
        TypeRefKind.Map => $"{Helpers}.ReadDictionary<{Type(type.Element!)}>(ref {reader}, {ReadFunc(type.Element!, 1)})",
        _ => $"{ReadFunc(type, 0)}(ref {reader})",
    };

    /// <summary>A <c>JsonReadFunc&lt;T&gt;</c> for a value of <paramref name="type"/> (non-null items).</summary>
    public string ReadFunc(TypeRef type, int depth) => type.Kind switch
    {
        TypeRefKind.String => $"{Helpers}.ReadStringItem",
        TypeRefKind.Double => $"{Helpers}.ReadDoubleItem",
        TypeRefKind.Long => $"{Helpers}.ReadInt64Item",
        TypeRefKind.Boolean => $"{Helpers}.ReadBooleanItem",
        TypeRefKind.Json => $"{Helpers}.ReadElement",
        TypeRefKind.Record or TypeRefKind.Enum => $"{Named(type.Name!)}.__Json.ReadValue",
        TypeRefKind.Untyped => "global::ActionKit.Typed.UntypedActionResult.Read",
        TypeRefKind.List => Lambda(depth, $"{Helpers}.ReadList<{Type(type.Element!)}>(ref r{depth}, {ReadFunc(type.Element!, depth + 1)})"),
        TypeRefKind.Map => Lambda(depth, $"{Helpers}.ReadDictionary<{Type(type.Element!)}>(ref r{depth}, {ReadFunc(type.Element!, depth + 1)})"),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>A statement writing <paramref name="value"/> (non-null) as a JSON value.</summary>
    public string Write(TypeRef type, string writer, string value, int depth) => type.Kind switch
    {
        TypeRefKind.String => $"{writer}.WriteStringValue({value});",
        TypeRefKind.Double or TypeRefKind.Long => $"{writer}.WriteNumberValue({value});",
        TypeRefKind.Boolean => $"{writer}.WriteBooleanValue({value});",
        TypeRefKind.Json => $"{Helpers}.WriteElement({writer}, {value});",
        TypeRefKind.Enum => $"{writer}.WriteStringValue({value}.Value);",
        TypeRefKind.Record => $"{Named(type.Name!)}.__Json.WriteValue({writer}, {value});",
        TypeRefKind.List => $"{Helpers}.WriteList({writer}, {value}, {WriteFunc(type.Element!, depth + 1)});",
        TypeRefKind.Map => $"{Helpers}.WriteDictionary({writer}, {value}, {WriteFunc(type.Element!, depth + 1)});",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private string WriteFunc(TypeRef type, int depth)
    {
        var w = "w" + depth.ToString(CultureInfo.InvariantCulture);
        var v = "v" + depth.ToString(CultureInfo.InvariantCulture);
        var statement = Write(type, w, v, depth);
        return $"static ({w}, {v}) => {statement.TrimEnd(';')}";
    }

    private static string Lambda(int depth, string body) =>
        $"static (ref {Reader} r{depth.ToString(CultureInfo.InvariantCulture)}) => {body}";
}
