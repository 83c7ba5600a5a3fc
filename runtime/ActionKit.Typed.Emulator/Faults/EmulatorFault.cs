using System;

namespace ActionKit.Typed.Emulator;

/// <summary>A misbehaviour the emulator applies to a matching request instead of (or before) its normal response.</summary>
public abstract record EmulatorFault
{
    private protected EmulatorFault()
    {
    }

    /// <summary>429 with a <c>Retry-After</c> header in whole seconds (rounded up) and the error body.</summary>
    public static EmulatorFault TooManyRequests(TimeSpan retryAfter) =>
        retryAfter < TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "Retry-After cannot be negative.")
            : new TooManyRequestsFault(retryAfter);

    /// <summary>An error status (for example 500, 502 or 503) with the error body.</summary>
    public static EmulatorFault Status(int status) =>
        status is < 400 or > 599
            ? throw new ArgumentOutOfRangeException(nameof(status), status, "A fault status must be 4xx or 5xx.")
            : new StatusFault(status);

    /// <summary>Closes the connection without sending any response.</summary>
    public static EmulatorFault DropConnection() => new DropConnectionFault();

    /// <summary>Waits <paramref name="delay"/> (or until the client gives up), then responds normally.</summary>
    public static EmulatorFault Delay(TimeSpan delay) =>
        delay < TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(delay), delay, "A delay cannot be negative.")
            : new DelayFault(delay);

    /// <summary>200 with <c>Content-Type: application/json</c> and a body that is not valid JSON.</summary>
    public static EmulatorFault MalformedJson() => new MalformedJsonFault();

    /// <summary>200 with the normal JSON body cut off in the middle (the HTTP message itself is complete).</summary>
    public static EmulatorFault TruncatedJson() => new TruncatedJsonFault();
}

/// <summary>429 with <c>Retry-After</c>.</summary>
/// <param name="RetryAfter">The wait the response asks for.</param>
public sealed record TooManyRequestsFault(TimeSpan RetryAfter) : EmulatorFault;

/// <summary>An error status with the error body.</summary>
/// <param name="StatusCode">The HTTP status.</param>
public sealed record StatusFault(int StatusCode) : EmulatorFault;

/// <summary>The connection is closed without a response.</summary>
public sealed record DropConnectionFault : EmulatorFault;

/// <summary>The response is delayed.</summary>
/// <param name="Duration">How long to wait before responding.</param>
public sealed record DelayFault(TimeSpan Duration) : EmulatorFault;

/// <summary>200 with a body that is not JSON.</summary>
public sealed record MalformedJsonFault : EmulatorFault;

/// <summary>200 with the JSON body cut short.</summary>
public sealed record TruncatedJsonFault : EmulatorFault;
