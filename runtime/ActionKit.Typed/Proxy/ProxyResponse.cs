using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ActionKit.Typed.Serialization;

namespace ActionKit.Typed;

/// <summary>
/// A Proxy API response in the default (parsed) mode: Paragon wraps the provider's JSON as <c>{"output": …}</c>;
/// <see cref="Output"/> is the unwrapped value and <see cref="RawJson"/> the body as received.
/// </summary>
public sealed class ProxyResponse
{
    /// <summary>Reads a response body.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The body as received.</param>
    /// <param name="contentType">The body's media type, when given.</param>
    public ProxyResponse(int status, BinaryData body, string? contentType)
    {
        Status = status;
        RawJson = body ?? throw new ArgumentNullException(nameof(body));
        ContentType = contentType;
        (Output, IsEnveloped, IsJson) = Read(body);
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>
    /// The provider's response: the value of <c>output</c> when the body is the <c>{"output": …}</c> envelope, else
    /// the body's JSON itself; a JSON string holding the text when the body is not JSON (as Paragon's JavaScript SDK
    /// returns it); <see cref="JsonValueKind.Undefined"/> for an empty body.
    /// </summary>
    public JsonElement Output { get; }

    /// <summary>The body exactly as received (the envelope included).</summary>
    public BinaryData RawJson { get; }

    /// <summary>The body's media type, when the response gave one.</summary>
    public string? ContentType { get; }

    /// <summary>Whether the body was the <c>{"output": …}</c> envelope.</summary>
    public bool IsEnveloped { get; }

    /// <summary>Whether the body was JSON.</summary>
    public bool IsJson { get; }

    /// <summary>Reads <see cref="Output"/> as <typeparamref name="T"/> (AOT-safe: with source-generated or hand-written metadata).</summary>
    /// <exception cref="JsonException">The output does not fit <typeparamref name="T"/>.</exception>
    public T? GetOutput<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Output.ValueKind == JsonValueKind.Undefined ? default : Output.Deserialize(typeInfo);
    }

    /// <inheritdoc/>
    public override string ToString() => Output.ValueKind == JsonValueKind.Undefined ? string.Empty : Output.GetRawText();

    private static (JsonElement Output, bool Enveloped, bool IsJson) Read(BinaryData body)
    {
        if (body.IsEmpty)
        {
            return (default, false, false);
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToMemory());
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("output", out var output))
            {
                return (output.Clone(), true, true);
            }

            return (root.Clone(), false, true);
        }
        catch (JsonException)
        {
            return (ParagonJson.StringElement(Encoding.UTF8.GetString(body.ToMemory().Span)), false, false);
        }
    }
}
