using System.Text.Json;

namespace ActionKit.Typed;

/// <summary>The result of an action without a result schema: the provider's JSON, as returned.</summary>
public sealed class UntypedActionResult
{
    /// <summary>Wraps a JSON value.</summary>
    public UntypedActionResult(JsonElement value) => Value = value;

    /// <summary>The result JSON.</summary>
    public JsonElement Value { get; }

    /// <summary>Reads a result from the reader's current value.</summary>
    public static UntypedActionResult Read(ref Utf8JsonReader reader) => new(JsonElement.ParseValue(ref reader));

    /// <inheritdoc/>
    public override string ToString() => Value.ValueKind == JsonValueKind.Undefined ? string.Empty : Value.GetRawText();
}
