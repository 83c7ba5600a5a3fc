using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ActionKit.Typed.Emulator.Endpoints;

/// <summary>Writes an <see cref="EmulatorResponse"/> to Kestrel's response.</summary>
internal static class ResponseWriter
{
    public static async Task WriteAsync(HttpContext http, EmulatorResponse response)
    {
        var target = http.Response;
        target.StatusCode = response.Status;
        target.ContentType = response.ContentType;
        foreach (var header in response.Headers)
        {
            target.Headers.Append(header.Key, header.Value);
        }

        if (response.StreamBody is { } write)
        {
            if (response.Length is { } length)
            {
                target.ContentLength = length;
            }

            await target.StartAsync(http.RequestAborted).ConfigureAwait(false);
            await write(target.Body, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        target.ContentLength = response.Body.Length;
        await target.Body.WriteAsync(response.Body, http.RequestAborted).ConfigureAwait(false);
    }
}
