using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ActionKit.Typed.Cli.Common;

namespace ActionKit.Typed.Cli.Pull;

/// <summary>Calls List Actions and returns the whole body, or fails with a message that says what went wrong and where.</summary>
internal static class ListActionsClient
{
    private const int MaxErrorBodyChars = 500;

    public static async Task<byte[]> FetchAsync(PullRequestOptions options, string token, ProgressDisplay progress, CancellationToken cancellationToken)
    {
        var uri = options.BuildUri();
        var endpoint = options.Endpoint.GetLeftPart(UriPartial.Authority);
        using var handler = new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, ConnectTimeout = TimeSpan.FromSeconds(15) };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("ActionKit.Typed.Cli", typeof(ListActionsClient).Assembly.GetName().Version?.ToString(3) ?? "0"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var body = await ReadErrorBodyAsync(response, timeout.Token).ConfigureAwait(false);
                throw new CliException(DescribeFailure(response.StatusCode, body, options, endpoint));
            }

            progress.Stage("receiving");
            var total = response.Content.Headers.ContentLength;
            using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            using var buffer = new MemoryStream(total is > 0 and < int.MaxValue ? (int)total.Value : 64 * 1024);
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                progress.Report(buffer.Length, total);
            }

            if (total is { } expected && buffer.Length != expected)
            {
                throw new CliException($"The response from {endpoint} was cut short ({buffer.Length} of {expected} bytes); nothing was written.");
            }

            return buffer.ToArray();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"ActionKit at {endpoint} did not answer within {options.Timeout.TotalSeconds:0} s (--timeout); nothing was written.");
        }
        catch (HttpRequestException ex) when (ex.StatusCode is null)
        {
            throw new CliException(ex.InnerException is SocketException or null && !IsReadFailure(ex)
                ? $"Cannot reach ActionKit at {endpoint}: {Innermost(ex).Message}. Check --endpoint and your network."
                : $"The connection to ActionKit at {endpoint} failed: {Innermost(ex).Message}; nothing was written.", ex);
        }
        catch (IOException ex)
        {
            throw new CliException($"The connection to ActionKit at {endpoint} was lost while reading the response ({Innermost(ex).Message}); nothing was written.", ex);
        }
    }

    private static bool IsReadFailure(HttpRequestException ex) => ex.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse;

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    private static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return string.Empty;
        }
    }

    private static string DescribeFailure(HttpStatusCode status, string body, PullRequestOptions options, string endpoint)
    {
        var code = $"HTTP {(int)status} {status}";
        var detail = ErrorMessage(body);
        var suffix = detail is null ? string.Empty : $": {detail}";
        return status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                $"ActionKit rejected the user token ({code}{suffix}). Check --token (or PARAGON_USER_TOKEN), or the signing key and user id, and that they belong to project {options.ProjectId}; a token with JWT permissions needs the 'actionkit' permission.",
            HttpStatusCode.NotFound =>
                $"ActionKit at {endpoint} has no project {options.ProjectId} ({code}{suffix}). Check --project-id and --endpoint.",
            _ => $"ActionKit at {endpoint} answered {code}{suffix}; nothing was written.",
        };
    }

    /// <summary>The <c>message</c> of Paragon's error body (which may itself be JSON), else the start of the raw body.</summary>
    private static string? ErrorMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var message))
            {
                var text = message.ValueKind == JsonValueKind.String ? message.GetString() : message.GetRawText();
                if (document.RootElement.TryGetProperty("code", out var code) && code.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    text += $" (code {(code.ValueKind == JsonValueKind.String ? code.GetString() : code.GetRawText())})";
                }

                return text;
            }
        }
        catch (JsonException)
        {
        }

        var trimmed = body.Trim();
        return trimmed.Length > MaxErrorBodyChars ? trimmed[..MaxErrorBodyChars] + "…" : trimmed;
    }
}
