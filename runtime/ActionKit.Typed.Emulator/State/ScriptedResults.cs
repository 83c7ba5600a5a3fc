using System;
using System.Collections.Generic;

namespace ActionKit.Typed.Emulator.State;

/// <summary>Results a test has fixed for an action; they win over synthesized ones.</summary>
internal sealed class ScriptedResults
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ScriptedResult> _results = new(StringComparer.Ordinal);

    public void Set(string action, ScriptedResult result)
    {
        lock (_gate)
        {
            _results[action] = result;
        }
    }

    public bool Remove(string action)
    {
        lock (_gate)
        {
            return _results.Remove(action);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _results.Clear();
        }
    }

    public ScriptedResult? Get(string action)
    {
        lock (_gate)
        {
            return _results.TryGetValue(action, out var result) ? result : null;
        }
    }
}

/// <summary>A fixed response for an action.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body bytes.</param>
/// <param name="ContentType">The body's media type.</param>
/// <param name="FileName">The <c>Content-Disposition</c> file name for byte-stream results.</param>
internal sealed record ScriptedResult(int Status, byte[] Body, string ContentType, string? FileName = null);
