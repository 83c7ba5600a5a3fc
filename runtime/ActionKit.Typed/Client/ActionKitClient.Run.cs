using System;
using System.Buffers;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed;

public partial class ActionKitClient
{
    private delegate T BodyReader<in TState, out T>(TState state, ref Utf8JsonReader reader);

    /// <summary>
    /// One run: writes <c>{"action", "parameters"}</c>, refuses an oversized body before sending, sends it through the
    /// pipeline with the action's safety on the message, maps failures to <see cref="ActionKitException"/>, and reads the
    /// result (or hands over the unbuffered stream), all inside one tracing span.
    /// </summary>
    private async Task<ClientResult<T>> RunCoreAsync<TState, T>(
        RunCall call,
        Action<Utf8JsonWriter> writeParameters,
        ActionRunOptions? options,
        TState state,
        BodyReader<TState, T>? read,
        bool async,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = StartActivity(call);
        ActionCallContext? context = null;
        try
        {
            // Disposed after the message (declared first): the body is sent from the pooled buffer on every attempt.
            using var body = WriteBody(call, writeParameters);
            context = new ActionCallContext(call.Name, call.Integration, call.Safety, options?.RetryWrites ?? _core.RetryWrites, _tokenProvider);
            using var message = CreateMessage(call, body, options, context, cancellationToken);

            try
            {
                if (async)
                {
                    await Pipeline.SendAsync(message).ConfigureAwait(false);
                }
                else
                {
                    Pipeline.Send(message);
                }
            }
            catch (Exception ex) when (Translate(ex, call, context, cancellationToken) is { } translated)
            {
                throw translated;
            }

            var response = message.ExtractResponse() ?? throw new InvalidOperationException("The pipeline returned no response.");
            if (response.IsError)
            {
                await ErrorResponses.BufferAsync(message, response, async, cancellationToken).ConfigureAwait(false);

                // The body is buffered, so the connection is already free; the exception keeps the response for callers.
                throw ActionKitExceptionFactory.FromErrorResponse(response, call.Name, call.Integration, context.RetryCount, _core.TimeProvider);
            }

            T value = call.Streamed ? (T)(object)CreateStreamResult(response) : ReadBody(response, call, context.RetryCount, state, read!);
            Complete(activity, response.Status, context);
            return ClientResult.FromValue(value, response);
        }
        catch (Exception ex) when (ActionKitDiagnostics.RecordFailure(activity, ex, context?.RetryCount ?? 0))
        {
            throw;
        }
    }

    private RunCall UntypedCall(string actionName, bool streamed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actionName);
        if (_core.Catalog is { } catalog && catalog.TryGet(actionName, out var descriptor))
        {
            return new RunCall(descriptor.Name, descriptor.Integration, descriptor.Safety, streamed);
        }

        return new RunCall(actionName, null, ActionSafetyInference.FromName(actionName), streamed);
    }

    private static Action<Utf8JsonWriter> ParametersWriter(BinaryData? parameters)
    {
        if (parameters is null || parameters.IsEmpty)
        {
            return static writer =>
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            };
        }

        try
        {
            using var document = JsonDocument.Parse(parameters.ToMemory());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"The parameters must be a JSON object, not {document.RootElement.ValueKind}.", nameof(parameters));
            }
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("The parameters are not valid JSON: " + ex.Message, nameof(parameters), ex);
        }

        var json = parameters.ToMemory();
        return writer => writer.WriteRawValue(json.Span, skipInputValidation: true);
    }

    private PooledJsonContent WriteBody(RunCall call, Action<Utf8JsonWriter> writeParameters)
    {
        var body = PooledJsonContent.Write((call.Name, writeParameters), static (writer, state) =>
        {
            writer.WriteStartObject();
            writer.WriteString("action"u8, state.Name);
            writer.WritePropertyName("parameters"u8);
            state.writeParameters(writer);
            writer.WriteEndObject();
        });

        if (body.Length > _core.MaxRequestBodySize)
        {
            var length = body.Length;
            body.Dispose();
            throw ActionKitRequestTooLargeException.ForBody(call.Name, length, _core.MaxRequestBodySize);
        }

        return body;
    }

    private PipelineMessage CreateMessage(RunCall call, BinaryContent body, ActionRunOptions? options, ActionCallContext context, CancellationToken cancellationToken)
    {
        var message = context.CreateMessage(Pipeline, call.Streamed, cancellationToken);
        try
        {
            var request = message.Request;
            request.Method = "POST";
            request.Uri = _core.RunUri;
            request.Headers.Set("Content-Type", "application/json");
            request.Headers.Set("Accept", call.Streamed ? "*/*" : "application/json");
            var credentialId = options?.CredentialId ?? CredentialId;
            if (!string.IsNullOrWhiteSpace(credentialId))
            {
                if (credentialId.AsSpan().IndexOfAny('\r', '\n') >= 0)
                {
                    throw new ArgumentException("The credential id contains a line break.", nameof(options));
                }

                request.Headers.Set(CredentialHeader, credentialId);
            }

            request.Content = body;
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    private static T ReadBody<TState, T>(PipelineResponse response, RunCall call, int retryCount, TState state, BodyReader<TState, T> read)
    {
        var content = response.Content;
        try
        {
            // An empty success body reads as JSON null: untyped results accept it, typed records report it.
            var reader = new Utf8JsonReader(content.IsEmpty ? "null"u8 : content.ToMemory().Span);
            if (!reader.Read())
            {
                throw new JsonException("The body is empty.");
            }

            return read(state, ref reader);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException or NotSupportedException or KeyNotFoundException or ArgumentException)
        {
            var reason = ex.Message;
            if (response.Headers.TryGetValue("Content-Type", out var type) && type is not null && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                reason += $" The response is {type}, not JSON; run actions that return files with RunStreamAsync or a Binary result.";
            }

            throw ActionKitExceptionFactory.InvalidResponse(response, call.Name, call.Integration, retryCount, ex, reason);
        }
    }

    private static ActionStreamResult CreateStreamResult(PipelineResponse response)
    {
        response.Headers.TryGetValue("Content-Type", out var contentType);
        string? fileName = null;
        if (response.Headers.TryGetValue("Content-Disposition", out var disposition) && ContentDispositionHeaderValue.TryParse(disposition, out var parsed))
        {
            fileName = (parsed.FileNameStar ?? parsed.FileName)?.Trim('"');
        }

        long? length = response.Headers.TryGetValue("Content-Length", out var lengthText) && long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        var stream = response.ContentStream ?? new System.IO.MemoryStream(response.Content.ToArray());
        return new ActionStreamResult(stream, contentType, fileName, length);
    }

    /// <summary>Turns a pipeline fault into the SDK's exception; null keeps the original (cancellation, bugs).</summary>
    private ActionKitException? Translate(Exception exception, RunCall call, ActionCallContext context, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested && exception is OperationCanceledException)
        {
            return null;
        }

        var last = exception is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[^1] : exception;
        if (last is OperationCanceledException || last is TimeoutException || last.InnerException is TimeoutException)
        {
            return cancellationToken.IsCancellationRequested
                ? null
                : ActionKitExceptionFactory.Timeout(call.Name, call.Integration, context.HeldBackWrite, context.RetryCount, _core.NetworkTimeout, exception);
        }

        if (ActionKitRetryPolicy.IsTransportFault(last))
        {
            return ActionKitExceptionFactory.Transport(call.Name, call.Integration, context.HeldBackWrite, context.RetryCount, exception);
        }

        return null;
    }

    private Activity? StartActivity(RunCall call)
    {
        if (!_core.Tracing)
        {
            return null;
        }

        var activity = ActionKitDiagnostics.Source.StartActivity(ActionKitDiagnostics.RunActivityName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ActionKitDiagnostics.ActionTag, call.Name);
            if (call.Integration is not null)
            {
                activity.SetTag(ActionKitDiagnostics.IntegrationTag, call.Integration);
            }
        }

        return activity;
    }

    private static void Complete(Activity? activity, int status, ActionCallContext context)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ActionKitDiagnostics.StatusCodeTag, status);
            activity.SetTag(ActionKitDiagnostics.RetryCountTag, context.RetryCount);
        }
    }


    private readonly record struct RunCall(string Name, string? Integration, ActionSafety Safety, bool Streamed);
}
