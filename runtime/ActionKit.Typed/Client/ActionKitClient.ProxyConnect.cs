namespace ActionKit.Typed;

public partial class ActionKitClient
{
    private ParagonProxyClient? _proxy;
    private ParagonConnectClient? _connect;

    /// <summary>
    /// The Proxy API (any request to an integration's provider), on this client's pipeline, token and account
    /// (<see cref="CredentialId"/>).
    /// </summary>
    public virtual ParagonProxyClient Proxy => _proxy ??= new ParagonProxyClient(_core, _tokenProvider, CredentialId);

    /// <summary>
    /// The Connect API (the user, integrations, credentials and their config, workflows, App Events), on this client's
    /// pipeline, token and account (<see cref="CredentialId"/>).
    /// </summary>
    public virtual ParagonConnectClient Connect => _connect ??= new ParagonConnectClient(_core, _tokenProvider, CredentialId);
}
