using System;
using System.Collections.Generic;

namespace ActionKit.Typed.Emulator.State;

/// <summary>Provider responses a test has fixed for Proxy API paths, by integration and path (any method).</summary>
internal sealed class ProxyScripts
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Integration, string Path), ScriptedResult> _responses = new();

    public void Set(string integration, string path, ScriptedResult response)
    {
        lock (_gate)
        {
            _responses[(integration.ToLowerInvariant(), Normalize(path))] = response;
        }
    }

    public ScriptedResult? Get(string integration, string path)
    {
        lock (_gate)
        {
            return _responses.TryGetValue((integration.ToLowerInvariant(), Normalize(path)), out var response) ? response : null;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _responses.Clear();
        }
    }

    /// <summary>Paths compare without their query, leading slash or trailing slash.</summary>
    public static string Normalize(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return (query >= 0 ? path[..query] : path).Trim('/');
    }
}
