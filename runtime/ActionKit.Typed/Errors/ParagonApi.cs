namespace ActionKit.Typed;

/// <summary>Which Paragon API a call went to.</summary>
public enum ParagonApi
{
    /// <summary>ActionKit (List/Run Action).</summary>
    ActionKit = 0,

    /// <summary>The Proxy API (<c>/sdk/proxy/…</c>): requests forwarded to the integration's provider.</summary>
    Proxy,

    /// <summary>The Connect API (<c>/sdk/me</c>, <c>/sdk/credentials</c>, <c>/sdk/integrations</c>, workflows and events).</summary>
    Connect,
}
