using System;
using System.Collections.Generic;
using ActionKit.Typed.Emulator.Paging;

namespace ActionKit.Typed.Emulator.State;

/// <summary>Paged data sets a test has set for actions; they win over scripted and synthesized results.</summary>
internal sealed class PagedDataSets
{
    private readonly object _gate = new();
    private readonly Dictionary<string, PagedDataState> _sets = new(StringComparer.Ordinal);

    public void Set(string action, PagedDataSet dataSet)
    {
        lock (_gate)
        {
            _sets[action] = new PagedDataState(dataSet);
        }
    }

    public bool Remove(string action)
    {
        lock (_gate)
        {
            return _sets.Remove(action);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _sets.Clear();
        }
    }

    public PagedDataState? Get(string action)
    {
        lock (_gate)
        {
            return _sets.TryGetValue(action, out var state) ? state : null;
        }
    }
}
