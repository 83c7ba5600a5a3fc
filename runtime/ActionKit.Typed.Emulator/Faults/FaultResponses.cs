using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator.Endpoints;

namespace ActionKit.Typed.Emulator.Faults;

/// <summary>Turns a fault into what the client sees.</summary>
internal static class FaultResponses
{
    /// <summary>Not JSON, though labelled as JSON: what a proxy's error page or a corrupted body looks like to a client.</summary>
    private static readonly byte[] Malformed = "{\"ok\": true, \"result\": [1, 2,, }<html>"u8.ToArray();

    /// <summary>The response that replaces the endpoint's for faults that answer on their own, else null.</summary>
    public static EmulatorResponse? Replace(EmulatorFault fault, string requestId) => fault switch
    {
        TooManyRequestsFault tooMany => EmulatorResponse
            .Error(429, EmulatorErrorCodes.RateLimited, "Too many requests. Retry after the time in the Retry-After header.", requestId)
            .WithHeader("Retry-After", ((long)Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture)),
        StatusFault status => EmulatorResponse.Error(status.StatusCode, status.StatusCode >= 500 ? EmulatorErrorCodes.ServerError : "EMULATED_FAULT", Reason(status.StatusCode), requestId),
        MalformedJsonFault => EmulatorResponse.Json(200, Malformed),
        _ => null,
    };

    /// <summary>Cuts a response's body in half (buffering a streamed one first); the HTTP message stays well-formed.</summary>
    public static async Task<EmulatorResponse> TruncateAsync(EmulatorResponse response, CancellationToken cancellationToken)
    {
        var body = response.Body;
        if (response.StreamBody is { } write)
        {
            using var buffer = new MemoryStream();
            await write(buffer, cancellationToken).ConfigureAwait(false);
            body = buffer.ToArray();
        }

        var cut = body.Length <= 1 ? 0 : Math.Max(1, body.Length / 2);
        var truncated = EmulatorResponse.Bytes(200, response.ContentType, body[..cut]);
        truncated.Headers.AddRange(response.Headers);
        return truncated;
    }

    private static string Reason(int status) => status switch
    {
        500 => "Internal server error (emulated).",
        502 => "Bad gateway (emulated).",
        503 => "Service unavailable (emulated).",
        504 => "Gateway timeout (emulated).",
        _ => $"Emulated fault with status {status}.",
    };
}
