namespace ActionKit.Typed;

/// <summary>
/// Hands out <see cref="ActionKitClient"/>s that share one pipeline and connection pool: the configured client, or one
/// per user minted from the project's signing key. Registered by <c>services.AddActionKit(...)</c>.
/// </summary>
public interface IActionKitClientFactory
{
    /// <summary>The client configured with <c>Token</c>, <c>TokenProvider</c> or <c>SigningKey</c> + <c>UserId</c>.</summary>
    /// <exception cref="System.InvalidOperationException">No default authentication is configured (only a signing key, for <see cref="ForUser"/>).</exception>
    ActionKitClient GetClient();

    /// <summary>A client acting as <paramref name="userId"/>, with tokens minted from the configured <c>SigningKey</c> and refreshed before expiry.</summary>
    /// <exception cref="System.ArgumentException">The user id is blank.</exception>
    /// <exception cref="System.InvalidOperationException">No signing key is configured.</exception>
    ActionKitClient ForUser(string userId);

    /// <summary>A client authenticating with <paramref name="tokenProvider"/> (for tokens your backend obtains elsewhere).</summary>
    ActionKitClient WithTokenProvider(ActionKitTokenProvider tokenProvider);
}
