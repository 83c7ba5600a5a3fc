using System;
using System.Collections.Generic;
using System.Linq;
using ActionKit.Typed.Emulator.Results;

namespace ActionKit.Typed.Emulator.State;

/// <summary>
/// Which users have connected which integrations, with which credentials. Users and integrations nobody scripted
/// follow <see cref="ActionKitEmulatorOptions.AllIntegrationsConnected"/>; a scripted pair follows its script.
/// </summary>
internal sealed class ConnectionRegistry(bool allConnectedByDefault)
{
    private readonly object _gate = new();
    private readonly Dictionary<(string User, string Integration), List<string>> _scripted = new(KeyComparer.Instance);

    public bool AllConnectedByDefault { get; } = allConnectedByDefault;

    /// <summary>Whether <paramref name="user"/> may run actions of <paramref name="integration"/> (with the selected credential, when one is given).</summary>
    public bool IsConnected(string user, string integration, string? credentialId)
    {
        lock (_gate)
        {
            if (_scripted.TryGetValue((user, integration), out var credentials))
            {
                return credentials.Count > 0 && (credentialId is null || credentials.Contains(credentialId, StringComparer.Ordinal));
            }

            return AllConnectedByDefault;
        }
    }

    /// <summary>Connects an integration for a user; returns the credential id (generated when none is given).</summary>
    public string Connect(string user, string integration, string? credentialId)
    {
        var id = credentialId ?? DefaultCredentialId(user, integration);
        lock (_gate)
        {
            if (!_scripted.TryGetValue((user, integration), out var credentials))
            {
                _scripted[(user, integration)] = credentials = [];
            }

            if (!credentials.Contains(id, StringComparer.Ordinal))
            {
                credentials.Add(id);
            }
        }

        return id;
    }

    /// <summary>Disconnects one credential, or the whole integration when <paramref name="credentialId"/> is null.</summary>
    public void Disconnect(string user, string integration, string? credentialId)
    {
        lock (_gate)
        {
            if (credentialId is not null && _scripted.TryGetValue((user, integration), out var credentials))
            {
                credentials.Remove(credentialId);
            }
            else
            {
                _scripted[(user, integration)] = [];
            }
        }
    }

    /// <summary>The integrations scripted for a user (connected or disconnected), beyond the catalog's.</summary>
    public IReadOnlyList<string> ScriptedIntegrations(string user)
    {
        lock (_gate)
        {
            return _scripted.Keys.Where(k => string.Equals(k.User, user, StringComparison.Ordinal)).Select(k => k.Integration).ToArray();
        }
    }

    /// <summary>Forgets every script, so all pairs follow the default again.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _scripted.Clear();
        }
    }

    /// <summary>The credentials a user holds for an integration, as the Connect API would list them.</summary>
    public IReadOnlyList<string> Credentials(string user, string integration)
    {
        lock (_gate)
        {
            if (_scripted.TryGetValue((user, integration), out var credentials))
            {
                return credentials.ToArray();
            }
        }

        return AllConnectedByDefault ? [DefaultCredentialId(user, integration)] : [];
    }

    /// <summary>A stable UUID-shaped credential id for a user and integration.</summary>
    public static string DefaultCredentialId(string user, string integration)
    {
        var hash = CanonicalJson.Fnv1a(System.Text.Encoding.UTF8.GetBytes($"{user}\n{integration.ToLowerInvariant()}"));
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, hash);
        BitConverter.TryWriteBytes(bytes[8..], hash * 31 + 7);
        return new Guid(bytes).ToString("D");
    }

    private sealed class KeyComparer : IEqualityComparer<(string User, string Integration)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string User, string Integration) x, (string User, string Integration) y) =>
            string.Equals(x.User, y.User, StringComparison.Ordinal) && string.Equals(x.Integration, y.Integration, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string User, string Integration) obj) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.User), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Integration));
    }
}
