using System;
using System.ClientModel.Primitives;
using System.Globalization;

namespace ActionKit.Typed;

/// <summary>Reads <c>Retry-After</c> as delta-seconds or an HTTP-date (RFC 9110 §10.2.3).</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(PipelineResponse? response, TimeProvider timeProvider)
    {
        if (response is null || !response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ||
            DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            var delay = date - timeProvider.GetUtcNow();
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }

        return null;
    }
}
