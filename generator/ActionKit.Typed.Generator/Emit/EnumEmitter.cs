using ActionKit.Typed.Generator.Model;

namespace ActionKit.Typed.Generator.Emit;

/// <summary>
/// An open string enum: a readonly struct with the known values as static members. Any other value still reads,
/// compares and writes back unchanged, since ActionKit's option lists are per user and grow over time.
/// </summary>
internal static class EnumEmitter
{
    public static void Emit(SourceWriter w, TypeSpec type)
    {
        var self = JsonCode.Named(type.Name);
        DocComments.Summary(w, type.Description, $"Values of {type.Name}.");
        DocComments.Remarks(w, "An open set: values not listed here are kept as they are.");
        w.Line($"[__JsonConverter(typeof({self}.__Json))]");
        w.Line(GeneratedCode.Attribute);
        using (w.Braces($"public readonly partial struct {type.Name} : global::System.IEquatable<{self}>"))
        {
            w.Block($$"""
                private readonly string? _value;

                /// <summary>Creates a value; any string is accepted.</summary>
                public {{type.Name}}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));

                /// <summary>The value as sent on the wire.</summary>
                public string Value => _value ?? string.Empty;

                """);
            foreach (var member in type.Members)
            {
                DocComments.Summary(w, null, $"<c>{Literals.Xml(member.Value)}</c>");
                w.Line($"public static {self} {member.Name} {{ get; }} = new({Literals.String(member.Value)});");
                w.Line();
            }

            w.Block($$"""
                /// <summary>Converts a wire value.</summary>
                public static implicit operator {{self}}(string value) => new(value);

                /// <summary>Compares wire values ordinally.</summary>
                public static bool operator ==({{self}} left, {{self}} right) => left.Equals(right);

                /// <summary>Compares wire values ordinally.</summary>
                public static bool operator !=({{self}} left, {{self}} right) => !left.Equals(right);

                /// <inheritdoc/>
                public bool Equals({{self}} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);

                /// <inheritdoc/>
                public override bool Equals(object? obj) => obj is {{self}} other && Equals(other);

                /// <inheritdoc/>
                public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);

                /// <inheritdoc/>
                public override string ToString() => Value;

                /// <summary>Reads and writes the wire string; no reflection.</summary>
                internal sealed class __Json() : {{JsonCode.ConverterBase(self)}}(ReadValue, WriteValue)
                {
                    public static {{self}} ReadValue(ref {{JsonCode.Reader}} reader) => new({{JsonCode.Helpers}}.ReadString(ref reader) ?? string.Empty);

                    public static void WriteValue({{JsonCode.Writer}} writer, {{self}} value) => writer.WriteStringValue(value.Value);
                }
                """);
        }
    }
}
