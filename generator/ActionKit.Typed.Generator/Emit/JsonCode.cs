using System;
using System.Globalization;
using ActionKit.Typed.Generator.Model;

namespace ActionKit.Typed.Generator.Emit;

/// <summary>
/// C# type names and Utf8JsonReader/Utf8JsonWriter code for each <see cref="TypeRef"/>; no reflection anywhere. Names
/// are written with the aliases every generated file declares (<see cref="GeneratedCode.Header"/>).
/// </summary>
internal static class JsonCode
{
    /// <summary>Namespace aliases, used with <c>::</c>: the generated namespace, the runtime's, System.Collections.Generic.</summary>
    public const string Generated = "__Ns";
    public const string Runtime = "__AK";
    public const string Collections = "__Collections";

    /// <summary>Type aliases.</summary>
    public const string Helpers = "__GJ";
    public const string Reader = "__Reader";
    public const string Writer = "__Writer";
    public const string Token = "__Token";
    public const string Element = "__Element";
    public const string ConverterAttribute = "__JsonConverter";
    public const string GeneratedCodeAttribute = "__GeneratedCode";

    /// <summary>A type of the runtime (<c>ActionKit.Typed</c>), such as <c>ActionDescriptor</c>.</summary>
    public static string Ak(string name) => Runtime + "::" + name;

    public static string Type(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String => "string",
        TypeRefKind.Double => "double",
        TypeRefKind.Long => "long",
        TypeRefKind.Boolean => "bool",
        TypeRefKind.Json => Element,
        TypeRefKind.Record or TypeRefKind.Enum => Named(type.Name!),
        TypeRefKind.List => $"{Collections}::IReadOnlyList<{Type(type.Element!)}>",
        TypeRefKind.Map => $"{Collections}::IReadOnlyDictionary<string, {Type(type.Element!)}>",
        TypeRefKind.Untyped => Ak("UntypedActionResult"),
        TypeRefKind.Stream => Ak("ActionStreamResult"),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>A generated type, by its alias-qualified name (as unambiguous as <c>global::</c>).</summary>
    public static string Named(string name) => Generated + "::" + name;

    /// <summary>An expression reading the current value; primitives come back nullable (JSON null → null).</summary>
    public static string Read(TypeRef type, string reader = "reader") => type.Kind switch
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
    public static string ReadFunc(TypeRef type, int depth) => type.Kind switch
    {
        TypeRefKind.String => $"{Helpers}.ReadStringItem",
        TypeRefKind.Double => $"{Helpers}.ReadDoubleItem",
        TypeRefKind.Long => $"{Helpers}.ReadInt64Item",
        TypeRefKind.Boolean => $"{Helpers}.ReadBooleanItem",
        TypeRefKind.Json => $"{Helpers}.ReadElement",
        TypeRefKind.Record or TypeRefKind.Enum => $"{Named(type.Name!)}.__Json.ReadValue",
        TypeRefKind.Untyped => Ak("UntypedActionResult.Read"),
        TypeRefKind.List => Lambda(depth, $"{Helpers}.ReadList<{Type(type.Element!)}>(ref r{depth}, {ReadFunc(type.Element!, depth + 1)})"),
        TypeRefKind.Map => Lambda(depth, $"{Helpers}.ReadDictionary<{Type(type.Element!)}>(ref r{depth}, {ReadFunc(type.Element!, depth + 1)})"),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The base class of a generated converter, which supplies System.Text.Json's Read and Write overrides.</summary>
    public static string ConverterBase(string self) => Ak($"Serialization.GeneratedJsonConverter<{self}>");

    /// <summary>
    /// Statements writing a property: its UTF-8 literal <paramref name="utf8Name"/>, then <paramref name="value"/>
    /// (non-null). Primitives take one call of Utf8JsonWriter's name-and-value methods; other values take two
    /// statements, which <paramref name="braced"/> wraps in a block.
    /// </summary>
    public static string WriteProperty(TypeRef type, string utf8Name, string value, bool braced) => type.Kind switch
    {
        TypeRefKind.String => $"writer.WriteString({utf8Name}, {value});",
        TypeRefKind.Double or TypeRefKind.Long => $"writer.WriteNumber({utf8Name}, {value});",
        TypeRefKind.Boolean => $"writer.WriteBoolean({utf8Name}, {value});",
        TypeRefKind.Enum => $"writer.WriteString({utf8Name}, {value}.Value);",
        _ when braced => $"{{ writer.WritePropertyName({utf8Name}); {Write(type, "writer", value, 0)} }}",
        _ => $"writer.WritePropertyName({utf8Name}); {Write(type, "writer", value, 0)}",
    };

    /// <summary>A statement writing <paramref name="value"/> (non-null) as a JSON value.</summary>
    public static string Write(TypeRef type, string writer, string value, int depth) => type.Kind switch
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

    private static string WriteFunc(TypeRef type, int depth)
    {
        var w = "w" + depth.ToString(CultureInfo.InvariantCulture);
        var v = "v" + depth.ToString(CultureInfo.InvariantCulture);
        var statement = Write(type, w, v, depth);
        return $"static ({w}, {v}) => {statement.TrimEnd(';')}";
    }

    private static string Lambda(int depth, string body) =>
        $"static (ref {Reader} r{depth.ToString(CultureInfo.InvariantCulture)}) => {body}";
}
