using System;
using System.Collections.Generic;
using ActionKit.Typed.Emulator.Results;

namespace ActionKit.Typed.Emulator.State;

/// <summary>Per-action data-set sizes and list endings a test has set; other actions use the options' defaults.</summary>
internal sealed class PaginationScripts(ActionKitEmulatorOptions options)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, PageSettings> _settings = new(StringComparer.Ordinal);

    public void Set(string action, int totalItems, int? pageSize, EmulatorEndOfList? endOfList)
    {
        lock (_gate)
        {
            _settings[action] = new PageSettings(totalItems, pageSize ?? options.DefaultPageSize, endOfList ?? options.EndOfList);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _settings.Clear();
        }
    }

    public PageSettings For(string action)
    {
        lock (_gate)
        {
            return _settings.TryGetValue(action, out var settings)
                ? settings
                : new PageSettings(options.PaginatedItemCount, options.DefaultPageSize, options.EndOfList);
        }
    }
}
