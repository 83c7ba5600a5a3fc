using System;
using System.Collections.Generic;

namespace ActionKit.Typed.Emulator;

/// <summary>
/// Queued faults. Each request takes the first queued fault that matches it (any request, or a Run Action for
/// a named action), so faults apply in the order they were enqueued and each one to <c>times</c> requests.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly List<Entry> _queue = [];

    internal EmulatorFaults()
    {
    }

    /// <summary>How many fault applications are still queued.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                var total = 0;
                foreach (var entry in _queue)
                {
                    total += entry.Remaining;
                }

                return total;
            }
        }
    }

    /// <summary>Queues <paramref name="fault"/> for the next <paramref name="times"/> matching requests.</summary>
    /// <param name="fault">What to do.</param>
    /// <param name="action">Only Run Action/Run Tool requests for this action (case-insensitive); null matches every request.</param>
    /// <param name="times">How many requests it applies to.</param>
    public void Enqueue(EmulatorFault fault, string? action = null, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _queue.Add(new Entry(fault, action, times));
        }
    }

    /// <summary>Queues <paramref name="fault"/> for the next <paramref name="times"/> requests that <paramref name="match"/> accepts (any path: Proxy and Connect too).</summary>
    /// <param name="fault">What to do.</param>
    /// <param name="match">Decides from the recorded request (method, path, headers, body) whether the fault applies.</param>
    /// <param name="times">How many requests it applies to.</param>
    public void EnqueueWhen(EmulatorFault fault, Func<RecordedRequest, bool> match, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(match);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _queue.Add(new Entry(fault, null, times) { Match = match });
        }
    }

    /// <summary>Removes every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    /// <summary>Takes the fault for a request, if one matches.</summary>
    internal EmulatorFault? TryTake(RecordedRequest request, string? action)
    {
        lock (_gate)
        {
            for (var i = 0; i < _queue.Count; i++)
            {
                var entry = _queue[i];
                if (entry.Action is not null && !string.Equals(entry.Action, action, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (entry.Match is { } match && !match(request))
                {
                    continue;
                }

                if (--entry.Remaining == 0)
                {
                    _queue.RemoveAt(i);
                }

                return entry.Fault;
            }

            return null;
        }
    }

    private sealed class Entry(EmulatorFault fault, string? action, int times)
    {
        public EmulatorFault Fault { get; } = fault;

        public string? Action { get; } = action;

        public int Remaining { get; set; } = times;

        public Func<RecordedRequest, bool>? Match { get; init; }
    }
}
