using System;
using System.Text;
using System.Text.Json;

namespace ActionKit.Typed;

/// <summary>
/// Reads Paragon's error envelope <c>{"message", "code", "status", "meta": {"requestId"}}</c>, where
/// <c>message</c> may be a JSON-encoded <c>{"message", "details"}</c> or a validator's array. Never throws.
/// </summary>
internal readonly record struct ErrorBody(string? Message, string? Code, string? RequestId, JsonElement? Details)
{
    private const string NotConnectedText = "Integration not enabled for user";

    public static ErrorBody Parse(BinaryData? body)
    {
        if (body is null || body.IsEmpty)
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToMemory());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            string? message = null;
            JsonElement? details = null;
            if (root.TryGetProperty("message", out var messageElement))
            {
                (message, details) = ReadMessage(messageElement);
            }
            else if (root.TryGetProperty("error", out var errorElement))
            {
                (message, details) = ReadMessage(errorElement);
            }

            string? code = root.TryGetProperty("code", out var codeElement) ? Scalar(codeElement) : null;
            string? requestId = root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("requestId", out var id)
                ? Scalar(id)
                : null;
            return new ErrorBody(message, code, requestId, details);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    public static bool IsNotConnected(string? message, BinaryData? body) =>
        (message?.Contains(NotConnectedText, StringComparison.OrdinalIgnoreCase) ?? false) ||
        (body is not null && !body.IsEmpty && body.ToString().Contains(NotConnectedText, StringComparison.OrdinalIgnoreCase));

    private static (string? Message, JsonElement? Details) ReadMessage(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString();
                if (text is { Length: > 1 } && text.TrimStart().StartsWith('{'))
                {
                    try
                    {
                        using var inner = JsonDocument.Parse(text);
                        if (inner.RootElement.ValueKind == JsonValueKind.Object)
                        {
                            var innerMessage = inner.RootElement.TryGetProperty("message", out var m) ? ReadMessage(m).Message : null;
                            JsonElement? details = inner.RootElement.TryGetProperty("details", out var d) ? d.Clone() : null;
                            return (innerMessage ?? text, details);
                        }
                    }
                    catch (JsonException)
                    {
                        // Not JSON after all: keep the text.
                    }
                }

                return (text, null);
            case JsonValueKind.Array:
                // class-validator style: ["a must be a string", …] or [{constraints: {…}}, …].
                var joined = new StringBuilder();
                foreach (var item in element.EnumerateArray())
                {
                    var part = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("constraints", out var constraints) && constraints.ValueKind == JsonValueKind.Object
                        ? string.Join("; ", EnumerateStrings(constraints))
                        : item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText();
                    if (!string.IsNullOrEmpty(part))
                    {
                        joined.Append(joined.Length > 0 ? "; " : string.Empty).Append(part);
                    }
                }

                return (joined.ToString(), element.Clone());
            case JsonValueKind.Object:
                return (element.TryGetProperty("message", out var nested) ? ReadMessage(nested).Message : element.GetRawText(), element.Clone());
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return (null, null);
            default:
                return (element.GetRawText(), null);
        }
    }

    private static System.Collections.Generic.IEnumerable<string> EnumerateStrings(JsonElement obj)
    {
        foreach (var property in obj.EnumerateObject())
        {
            yield return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }
    }

    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => null,
    };
}
