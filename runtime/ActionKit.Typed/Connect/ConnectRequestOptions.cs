namespace ActionKit.Typed;

/// <summary>Settings for one Connect API call.</summary>
public sealed class ConnectRequestOptions
{
    /// <summary>
    /// The connected account the call concerns (Multi-Account Authorization), sent as <c>X-Paragon-Credential</c>;
    /// overrides the client's credential.
    /// </summary>
    public string? CredentialId { get; set; }

    /// <summary>
    /// Lets the SDK send a write (PATCH, POST, DELETE) again after a server error, timeout or dropped connection.
    /// Null: the client's setting. Reads (GET) are always retried; a 429 is always retried.
    /// </summary>
    public bool? RetryWrites { get; set; }
}
