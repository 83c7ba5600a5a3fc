namespace ActionKit.Typed;

/// <summary>Settings for one action run.</summary>
public sealed class ActionRunOptions
{
    /// <summary>
    /// The connected account to act in, for users with several accounts of one integration (Multi-Account
    /// Authorization); sent as <c>X-Paragon-Credential</c>. Overrides the client's credential.
    /// </summary>
    public string? CredentialId { get; set; }

    /// <summary>
    /// Lets the SDK send a write action again after a server error, timeout or dropped connection. Only set it
    /// when running the action twice is harmless (it is idempotent, or you deduplicate). Null: the client's setting.
    /// </summary>
    public bool? RetryWrites { get; set; }
}
