using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace ActionKit.Typed.Tests;

/// <summary>A fake clock that reports every timer (retry wait) created on it, so tests can see and release waits without sleeping.</summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly System.Collections.Generic.Queue<TaskCompletionSource<TimeSpan>> _waiters = new();
    private readonly System.Collections.Generic.Queue<TimeSpan> _created = new();

    /// <summary>When set, each timer is released right after it is created by advancing the clock by its due time.</summary>
    public bool AutoAdvance { get; init; }

    /// <summary>Every timer due time requested so far (the retry waits).</summary>
    public System.Collections.Generic.List<TimeSpan> Waits { get; } = [];

    // Starts at the real time: tokens minted on this clock are checked by servers on the real one.
    public FakeTimeProvider Fake { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public void Advance(TimeSpan by) => Fake.Advance(by);

    /// <summary>Completes with the due time of the next timer created (or one already created and not yet observed).</summary>
    public Task<TimeSpan> NextTimerAsync()
    {
        lock (_gate)
        {
            if (_created.TryDequeue(out var due))
            {
                return Task.FromResult(due);
            }

            var waiter = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
            return waiter.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (Waits)
            {
                Waits.Add(dueTime);
            }

            if (AutoAdvance)
            {
                _ = Task.Run(() => Fake.Advance(dueTime));
                return timer;
            }

            lock (_gate)
            {
                if (_waiters.TryDequeue(out var waiter))
                {
                    waiter.TrySetResult(dueTime);
                }
                else
                {
                    _created.Enqueue(dueTime);
                }
            }
        }

        return timer;
    }
}
