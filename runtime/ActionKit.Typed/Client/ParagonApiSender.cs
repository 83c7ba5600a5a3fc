using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed;

/// <summary>One Proxy or Connect request, described before it is sent.</summary>
internal sealed class ParagonCall
{
    public required ParagonApi Api { get; init; }

    public required string Method { get; init; }

    public required Uri Uri { get; init; }

    /// <summary>The path relative to <c>/projects/{id}/</c>, without the query: for messages and exceptions.</summary>
    public required string Path { get; init; }

    public string? Integration { get; init; }

    /// <summary>The Connect operation (for example <c>GetCredentials</c>); null for proxy calls.</summary>
    public string? Operation { get; init; }

    public required ActionSafety Safety { get; init; }

    public bool? RetryWrites { get; init; }

    /// <summary>Whether the response body is handed over unbuffered.</summary>
    public bool Streamed { get; init; }

    /// <summary>False for a body that cannot be sent twice (a stream that cannot seek): the call is then never retried.</summary>
    public bool CanResendBody { get; init; } = true;

    public string? CredentialId { get; init; }

    public IEnumerable<KeyValuePair<string, string>>? Headers { get; init; }

    public BinaryContent? Content { get; init; }

    public string? ContentType { get; init; }

    public string Accept { get; init; } = "application/json";

    /// <summary>How the call is named in messages: <c>Proxy GET slack/users.list</c>, <c>Connect GetCredentials</c>.</summary>
    public string Label => Api == ParagonApi.Proxy ? $"Proxy {Method} {Path}" : $"Connect {Operation ?? Method + " " + Path}";
}

/// <summary>
/// Sends Proxy and Connect calls through the client's pipeline, with the same rules as action runs: the call's
/// safety travels on the message in an <see cref="ActionCallContext"/> (so the retry policy never resends a write
/// unless asked, and the bearer policy sets a fresh token per attempt), failures become <see cref="ParagonApiException"/>,
/// and each call gets a tracing span.
/// </summary>
internal static class ParagonApiSender
{
    private const string CredentialHeader = "X-Paragon-Credential";

    /// <summary>Sends the call and returns its success response; the caller owns (and disposes) a streamed one.</summary>
    public static Task<PipelineResponse> SendAsync(ClientCore core, ActionKitTokenProvider tokenProvider, ParagonCall call, CancellationToken cancellationToken) =>
        SendCoreAsync(core, tokenProvider, call, async: true, cancellationToken);

    /// <summary>Sends the call synchronously (the pipeline's synchronous path, not async-over-sync).</summary>
    public static PipelineResponse Send(ClientCore core, ActionKitTokenProvider tokenProvider, ParagonCall call, CancellationToken cancellationToken) =>
        SendCoreAsync(core, tokenProvider, call, async: false, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Sends with <paramref name="async"/> choosing the pipeline's path; with false it completes synchronously.</summary>
    public static async Task<PipelineResponse> SendCoreAsync(ClientCore core, ActionKitTokenProvider tokenProvider, ParagonCall call, bool async, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = StartActivity(core, call);
        ActionCallContext? context = null;
        try
        {
            context = new ActionCallContext(call.Label, call.Integration, call.Safety, call.RetryWrites ?? core.RetryWrites, tokenProvider)
            {
                CanResendBody = call.CanResendBody,
            };
            using var message = CreateMessage(core, call, context, cancellationToken);
            try
            {
                if (async)
                {
                    await core.Pipeline.SendAsync(message).ConfigureAwait(false);
                }
                else
                {
                    core.Pipeline.Send(message);
                }
            }
            catch (Exception ex) when (Translate(core, ex, call, context, cancellationToken) is { } translated)
            {
                throw translated;
            }

            var response = message.ExtractResponse() ?? throw new InvalidOperationException("The pipeline returned no response.");
            if (response.IsError)
            {
                await ErrorResponses.BufferAsync(message, response, async, cancellationToken).ConfigureAwait(false);

                // The body is buffered, so the connection is already free; the exception keeps the response for callers.
                throw FromErrorResponse(response, call, context.RetryCount, core.TimeProvider);
            }

            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag(ActionKitDiagnostics.StatusCodeTag, response.Status);
                activity.SetTag(ActionKitDiagnostics.RetryCountTag, context.RetryCount);
            }

            return response;
        }
        catch (Exception ex) when (ActionKitDiagnostics.RecordFailure(activity, ex, context?.RetryCount ?? 0))
        {
            throw;
        }
    }

    /// <summary>A success body that could not be read as what the call returns.</summary>
    public static ParagonApiException InvalidResponse(PipelineResponse response, ParagonCall call, Exception inner)
    {
        var message = $"{call.Label} returned HTTP {response.Status.ToString(CultureInfo.InvariantCulture)} but its body could not be read: {inner.Message}";
        return new ParagonApiException(message, ActionKitErrorKind.InvalidResponse, call.Api, call.Method, call.Path, response, inner)
        {
            Integration = call.Integration,
            RawBody = response.Content,
        };
    }

    internal static void CheckHeaderValue(string value, string paramName, string what)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException($"{what} contains a line break (CR or LF); it cannot be sent as a header.", paramName);
        }
    }

    private static PipelineMessage CreateMessage(ClientCore core, ParagonCall call, ActionCallContext context, CancellationToken cancellationToken)
    {
        var message = context.CreateMessage(core.Pipeline, call.Streamed, cancellationToken);
        try
        {
            var request = message.Request;
            request.Method = call.Method;
            request.Uri = call.Uri;
            request.Headers.Set("Accept", call.Accept);
            if (call.Headers is not null)
            {
                foreach (var header in call.Headers)
                {
                    request.Headers.Set(header.Key, header.Value);
                }
            }

            if (!string.IsNullOrWhiteSpace(call.CredentialId))
            {
                request.Headers.Set(CredentialHeader, call.CredentialId);
            }

            if (call.Content is not null)
            {
                request.Headers.Set("Content-Type", call.ContentType ?? "application/json");
                request.Content = call.Content;
            }

            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    private static ParagonApiException FromErrorResponse(PipelineResponse response, ParagonCall call, int retryCount, TimeProvider timeProvider)
    {
        BinaryData? body = response.Content;
        var error = ErrorBody.Parse(body);
        var kind = ActionKitExceptionFactory.Classify(response.Status, error.Message, body);

        return new ParagonApiException(ActionKitExceptionFactory.Describe(response, call.Label, error, body, kind, retryCount), kind, call.Api, call.Method, call.Path, response)
        {
            Code = error.Code,
            ErrorMessage = error.Message,
            ErrorDetails = error.Details,
            RequestId = error.RequestId,
            Integration = call.Integration,
            RawBody = body,
            RetryAfter = RetryAfterHeader.Read(response, timeProvider),
            RetryCount = retryCount,
            IsIntegrationError = IsIntegrationError(body),
        };
    }

    private static bool IsIntegrationError(BinaryData? body)
    {
        if (body is null || body.IsEmpty)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToMemory());
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object &&
                meta.TryGetProperty("isIntegrationError", out var flag) && flag.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ParagonApiException? Translate(ClientCore core, Exception exception, ParagonCall call, ActionCallContext context, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested && exception is OperationCanceledException)
        {
            return null;
        }

        var last = exception is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[^1] : exception;
        var timeout = last is OperationCanceledException || last is TimeoutException || last.InnerException is TimeoutException;
        if (timeout && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        if (!timeout && !ActionKitRetryPolicy.IsTransportFault(last))
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append(call.Label).Append(" failed: ");
        if (timeout)
        {
            text.Append("no response arrived within the network timeout");
            if (core.NetworkTimeout is { } t)
            {
                text.Append(" of ").Append(t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)).Append(" s");
            }

            text.Append('.');
        }
        else
        {
            text.Append("the connection to Paragon failed before a response arrived (").Append(Innermost(exception).Message).Append(").");
        }

        if (context.HeldBackWrite)
        {
            text.Append(" It was not sent again because it may already have taken effect; set RetryWrites in the call's options to opt in.");
        }
        else if (!context.CanResendBody)
        {
            text.Append(" It was not sent again because its body is a stream that cannot be rewound.");
        }
        else if (context.RetryCount > 0)
        {
            text.Append(" Gave up after ").Append(context.RetryCount.ToString(CultureInfo.InvariantCulture)).Append(context.RetryCount == 1 ? " retry." : " retries.");
        }

        return new ParagonApiException(text.ToString(), timeout ? ActionKitErrorKind.Timeout : ActionKitErrorKind.Transport, call.Api, call.Method, call.Path, null, exception)
        {
            Integration = call.Integration,
            RetryCount = context.RetryCount,
        };
    }

    private static Activity? StartActivity(ClientCore core, ParagonCall call)
    {
        if (!core.Tracing)
        {
            return null;
        }

        var name = call.Api == ParagonApi.Proxy ? ActionKitDiagnostics.ProxyActivityName : ActionKitDiagnostics.ConnectActivityName;
        var activity = ActionKitDiagnostics.Source.StartActivity(name, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ActionKitDiagnostics.MethodTag, call.Method);
            if (call.Integration is not null)
            {
                activity.SetTag(ActionKitDiagnostics.IntegrationTag, call.Integration);
            }

            if (call.Operation is not null)
            {
                activity.SetTag(ActionKitDiagnostics.OperationTag, call.Operation);
            }
        }

        return activity;
    }


    private static Exception Innermost(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }

        return innermost;
    }

}
