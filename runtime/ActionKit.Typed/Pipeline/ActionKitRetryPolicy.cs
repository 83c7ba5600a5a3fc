using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ActionKit.Typed;

/// <summary>
/// Retries by what is safe for the action: 429 always (it was refused, not run), honouring <c>Retry-After</c> up to a
/// cap; 5xx, timeouts and dropped connections only for read actions or on opt-in, since a write may already have
/// taken effect; connection failures before anything was sent, always. Waits go through <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ActionKitRetryPolicy : ClientRetryPolicy
{
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(0.8);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly int _maxRetries;
    private readonly TimeSpan _maxRetryAfter;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger? _logger;

    public ActionKitRetryPolicy(int maxRetries, TimeSpan maxRetryAfter, TimeProvider timeProvider, bool enableLogging, ILoggerFactory? loggerFactory)
        : base(maxRetries, enableLogging, loggerFactory)
    {
        _maxRetries = maxRetries;
        _maxRetryAfter = maxRetryAfter;
        _timeProvider = timeProvider;
        _logger = enableLogging ? loggerFactory?.CreateLogger(ActionKitLog.Category) : null;
    }

    protected override void OnSendingRequest(PipelineMessage message) => CountAttempt(message);

    protected override ValueTask OnSendingRequestAsync(PipelineMessage message)
    {
        CountAttempt(message);
        return default;
    }

    protected override void OnTryComplete(PipelineMessage message)
    {
        if (ActionCallContext.Get(message) is { } context)
        {
            context.RetryCount++;
        }
    }

    protected override bool ShouldRetry(PipelineMessage message, Exception? exception)
    {
        var context = ActionCallContext.GetOrAttach(message);
        var attempts = Math.Max(context.Attempts, 1);
        var mayResend = context.MayResend;
        context.NextDelay = null;
        context.HeldBackWrite = false;

        if (attempts > _maxRetries || context is { CanResendBody: false })
        {
            return false;
        }

        if (exception is not null)
        {
            if (message.CancellationToken.IsCancellationRequested)
            {
                return false;
            }

            if (NothingWasSent(exception))
            {
                return Approve(context, null, attempts);
            }

            if (IsTransportFault(exception) || IsTimeout(exception, message))
            {
                return mayResend ? Approve(context, null, attempts) : HoldBack(context, exception is OperationCanceledException or TimeoutException ? "a timeout" : "a dropped connection");
            }

            return false;
        }

        var response = message.Response;
        if (response is null)
        {
            return false;
        }

        var retryAfter = RetryAfterHeader.Read(response, _timeProvider);
        if (response.Status == 429)
        {
            // Rate limited: the request was refused, so even a write is safe to send again.
            return retryAfter > _maxRetryAfter ? OverCap(context, retryAfter.Value) : Approve(context, retryAfter, attempts);
        }

        if (response.Status is 408 or 500 or 502 or 503 or 504)
        {
            if (!mayResend)
            {
                return HoldBack(context, "HTTP " + response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return retryAfter > _maxRetryAfter ? OverCap(context, retryAfter.Value) : Approve(context, retryAfter, attempts);
        }

        return false;
    }

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount) =>
        ActionCallContext.Get(message)?.NextDelay ?? Backoff(Math.Max(tryCount, 1));

    protected override Task WaitAsync(TimeSpan time, CancellationToken cancellationToken) => Task.Delay(time, _timeProvider, cancellationToken);

    protected override void Wait(TimeSpan time, CancellationToken cancellationToken) =>
        Task.Delay(time, _timeProvider, cancellationToken).GetAwaiter().GetResult();

    internal static bool IsTimeout(Exception exception, PipelineMessage message) =>
        !message.CancellationToken.IsCancellationRequested && (exception is OperationCanceledException || Find<TimeoutException>(exception) is not null);

    internal static bool IsTransportFault(Exception exception) =>
        Find<HttpRequestException>(exception) is not null || Find<IOException>(exception) is not null ||
        exception is ClientResultException { Status: 0, InnerException: not null };

    /// <summary>The connection could not be opened (refused, unreachable, name not resolved): the request never left.</summary>
    internal static bool NothingWasSent(Exception exception) =>
        Find<HttpRequestException>(exception) is { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }

            if (current is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            {
                return Find<T>(aggregate.InnerExceptions[^1]);
            }
        }

        return null;
    }

    private static void CountAttempt(PipelineMessage message) => ActionCallContext.GetOrAttach(message).Attempts++;

    private static bool Approve(ActionCallContext context, TimeSpan? delay, int attempts)
    {
        context.NextDelay = delay ?? Backoff(attempts);
        return true;
    }

    private bool HoldBack(ActionCallContext context, string fault)
    {
        context.HeldBackWrite = true;
        if (_logger is not null)
        {
            ActionKitLog.WriteNotResent(_logger, context.ActionName, fault);
        }

        return false;
    }

    private bool OverCap(ActionCallContext context, TimeSpan retryAfter)
    {
        if (_logger is not null)
        {
            ActionKitLog.RetryAfterOverCap(_logger, context.ActionName, retryAfter, _maxRetryAfter);
        }

        return false;
    }

    private static TimeSpan Backoff(int retryNumber)
    {
        var exponential = InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(retryNumber - 1, 16));
        var jittered = exponential * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, MaxBackoff.TotalMilliseconds));
    }
}
