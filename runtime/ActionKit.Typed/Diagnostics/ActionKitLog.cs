using System;
using Microsoft.Extensions.Logging;

namespace ActionKit.Typed;

/// <summary>The SDK's own log events (category <c>ActionKit.Typed</c>), next to the pipeline's request/response logs. Never a token.</summary>
internal static partial class ActionKitLog
{
    public const string Category = "ActionKit.Typed";

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Action} was not sent again after {Fault}: it is a write action and may already have taken effect.")]
    public static partial void WriteNotResent(ILogger logger, string action, string fault);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Action} is rate limited for {RetryAfter}, longer than MaxRetryAfter ({Cap}); not waiting.")]
    public static partial void RetryAfterOverCap(ILogger logger, string action, TimeSpan retryAfter, TimeSpan cap);
}
