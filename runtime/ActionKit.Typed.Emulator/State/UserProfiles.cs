using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace ActionKit.Typed.Emulator.State;

/// <summary>What the Connect API stores beside connections: each user's metadata and each credential's config.</summary>
internal sealed class UserProfiles
{
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonObject> _meta = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode?> _configs = new(StringComparer.Ordinal);

    /// <summary>A copy of the user's metadata.</summary>
    public JsonObject Meta(string user)
    {
        lock (_gate)
        {
            return _meta.TryGetValue(user, out var meta) ? (JsonObject)meta.DeepClone() : [];
        }
    }

    /// <summary>Merges top-level keys into the user's metadata (as <c>PATCH /sdk/me</c> does).</summary>
    public void MergeMeta(string user, JsonObject patch)
    {
        lock (_gate)
        {
            if (!_meta.TryGetValue(user, out var meta))
            {
                _meta[user] = meta = [];
            }

            foreach (var pair in patch)
            {
                meta[pair.Key] = pair.Value?.DeepClone();
            }
        }
    }

    /// <summary>
    /// A copy of a credential's config: as last replaced, else (when the integration is known) the seed for it,
    /// stored from then on; an empty object when neither.
    /// </summary>
    public JsonNode Config(string credentialId, string? integration = null)
    {
        lock (_gate)
        {
            if (!_configs.TryGetValue(credentialId, out var config) && integration is not null)
            {
                _configs[credentialId] = config = ConnectSeeds.Config(integration);
            }

            return config is not null ? config.DeepClone() : new JsonObject();
        }
    }

    /// <summary>Replaces a credential's config: Paragon documents replacement, not merge.</summary>
    public void ReplaceConfig(string credentialId, JsonNode? config)
    {
        lock (_gate)
        {
            _configs[credentialId] = config?.DeepClone();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _meta.Clear();
            _configs.Clear();
        }
    }
}
