using System;
using System.Buffers;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Errors;

/// <summary>Writes Paragon's documented error body: <c>{"message", "code", "status", "meta": {"requestId"}}</c>.</summary>
internal static class ErrorEnvelope
{
    /// <summary>The exact message Paragon's clients look for to detect a user who has not connected an integration.</summary>
    public const string IntegrationNotEnabledMessage = "Integration not enabled for user.";

    public static byte[] Create(int status, string code, string message, string requestId)
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
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string NewRequestId() => Guid.NewGuid().ToString("D");
}
