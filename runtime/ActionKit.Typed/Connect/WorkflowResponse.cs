using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ActionKit.Typed;

/// <summary>What a request-triggered workflow answered: its status and body (usually JSON, as the workflow's Response step set it).</summary>
public sealed class WorkflowResponse
{
    /// <summary>Reads a response body.</summary>
    public WorkflowResponse(int status, BinaryData body, string? contentType)
    {
        Status = status;
        RawBody = body ?? throw new ArgumentNullException(nameof(body));
        ContentType = contentType;
        if (!body.IsEmpty)
        {
            try
            {
                using var document = JsonDocument.Parse(body.ToMemory());
                Body = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not JSON: Body stays undefined; RawBody has the text.
            }
        }
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The body as JSON; <see cref="JsonValueKind.Undefined"/> when it is empty or not JSON.</summary>
    public JsonElement Body { get; }

    /// <summary>The body exactly as received.</summary>
    public BinaryData RawBody { get; }

    /// <summary>The body's media type, when given.</summary>
    public string? ContentType { get; }

    /// <summary>Reads <see cref="Body"/> as <typeparamref name="T"/> (AOT-safe).</summary>
    /// <exception cref="JsonException">The body does not fit <typeparamref name="T"/>.</exception>
    public T? GetBody<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Body.ValueKind == JsonValueKind.Undefined ? default : Body.Deserialize(typeInfo);
    }

    /// <inheritdoc/>
    public override string ToString() => RawBody.ToString();
}
