using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace ActionKit.Typed.Emulator;

/// <summary>Every request the emulator received, in arrival order; safe to read while requests arrive.</summary>
public sealed class EmulatorJournal : IReadOnlyList<RecordedRequest>
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly int? _capacity;

    /// <param name="capacity">How many requests to keep, the oldest forgotten first; null keeps all (checked by the emulator's options).</param>
    internal EmulatorJournal(int? capacity = null) => _capacity = capacity;

    /// <summary>Raised after a request is recorded (on the request's thread).</summary>
    public event Action<RecordedRequest>? Recorded;

    /// <summary>How many requests are recorded.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>The request recorded at <paramref name="index"/>.</summary>
    public RecordedRequest this[int index]
    {
        get
        {
            lock (_gate)
            {
                return _requests[index];
            }
        }
    }

    /// <summary>The most recent request, or null when none was recorded.</summary>
    public RecordedRequest? Last
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count == 0 ? null : _requests[^1];
            }
        }
    }

    /// <summary>A copy of the recorded requests.</summary>
    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    /// <summary>The requests whose path (without query) ends with <paramref name="pathSuffix"/>, for example <c>/actions</c>.</summary>
    public IReadOnlyList<RecordedRequest> ForPath(string pathSuffix)
    {
        ArgumentNullException.ThrowIfNull(pathSuffix);
        return Snapshot().Where(r => r.PathWithoutQuery.EndsWith(pathSuffix, StringComparison.OrdinalIgnoreCase)).ToArray();
    }

    /// <summary>The requests whose path (without query) contains <paramref name="fragment"/>.</summary>
    public IReadOnlyList<RecordedRequest> PathContaining(string fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        return Snapshot().Where(r => r.PathWithoutQuery.Contains(fragment, StringComparison.OrdinalIgnoreCase)).ToArray();
    }

    /// <summary>The Run Action/Run Tool requests that named <paramref name="action"/> (case-insensitive).</summary>
    public IReadOnlyList<RecordedRequest> ForAction(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Snapshot().Where(r => string.Equals(r.ActionName, action, StringComparison.OrdinalIgnoreCase)).ToArray();
    }

    /// <summary>Forgets every recorded request.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    /// <inheritdoc/>
    public IEnumerator<RecordedRequest> GetEnumerator() => ((IEnumerable<RecordedRequest>)Snapshot()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
            if (_requests.Count > _capacity)
            {
                _requests.RemoveRange(0, _requests.Count - _capacity.Value);
            }
        }

        Recorded?.Invoke(request);
    }
}
