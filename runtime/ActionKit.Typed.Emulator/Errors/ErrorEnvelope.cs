using System;
using System.Buffers;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Errors;

/// <summary>Writes Paragon's documented error body: <c>{"message", "code", "status", "meta": {"requestId"}}</c>.</summary>
internal static class ErrorEnvelope
{
    /// <summary>The exact message Paragon's clients look for to detect a user who has not connected an integration.</summary>
    public const string IntegrationNotEnabledMessage = "Integration not enabled for user.";

    /// <param name="status">The HTTP status, repeated in the body.</param>
    /// <param name="code">The string code.</param>
    /// <param name="message">The message (Paragon sometimes puts a JSON-encoded string here).</param>
    /// <param name="requestId">The trace id for <c>meta.requestId</c>.</param>
    /// <param name="integrationError">Adds <c>meta.isIntegrationError: true</c>, as Paragon marks errors that came from the provider.</param>
    public static byte[] Create(int status, string code, string message, string requestId, bool integrationError = false)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteString("code", code);
            writer.WriteNumber("status", status);
            writer.WriteStartObject("meta");
            writer.WriteString("requestId", requestId);
            if (integrationError)
            {
                writer.WriteBoolean("isIntegrationError", true);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string NewRequestId() => Guid.NewGuid().ToString("D");
}
