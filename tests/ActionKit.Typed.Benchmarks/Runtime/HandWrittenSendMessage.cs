using System;
using System.Buffers;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed.Benchmarks.Runtime;

/// <summary>The fields a hand-written caller would keep from SLACK_SEND_MESSAGE's result.</summary>
public sealed record SendMessageResult(bool Ok, string? Channel, string? Ts, string? Text);

/// <summary>
/// The baseline: SLACK_SEND_MESSAGE as a developer would write it without the SDK. The body is written with
/// Utf8JsonWriter, POSTed with HttpClient and a Bearer token, and the result read with JsonDocument.
/// </summary>
public static class HandWrittenSendMessage
{
    public static async Task<SendMessageResult> RunAsync(HttpClient http, Uri runUri, string token, string channel, string message, CancellationToken cancellationToken = default)
    {
        var body = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("action"u8, "SLACK_SEND_MESSAGE"u8);
            writer.WriteStartObject("parameters"u8);
            writer.WriteString("channel"u8, channel);
            writer.WriteString("message"u8, message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, runUri) { Content = new ReadOnlyMemoryContent(body.WrittenMemory) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var json = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"SLACK_SEND_MESSAGE failed with {(int)response.StatusCode}.", null, response.StatusCode);
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new SendMessageResult(
            root.TryGetProperty("ok"u8, out var ok) && ok.ValueKind == JsonValueKind.True,
            root.TryGetProperty("channel"u8, out var ch) ? ch.GetString() : null,
            root.TryGetProperty("ts"u8, out var ts) ? ts.GetString() : null,
            root.TryGetProperty("message"u8, out var m) && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("text"u8, out var text) ? text.GetString() : null);
    }
}
