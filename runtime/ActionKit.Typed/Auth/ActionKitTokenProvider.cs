using System;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed;

/// <summary>
/// Supplies the Paragon user token sent as <c>Authorization: Bearer …</c>. It is asked once per attempt, so a
/// provider can refresh, look up the current user, or mint (<see cref="ParagonUserToken"/>).
/// </summary>
public abstract class ActionKitTokenProvider
{
    /// <summary>Returns the token for the next request.</summary>
    public abstract ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>A provider that always returns <paramref name="token"/>.</summary>
    /// <exception cref="ArgumentException">The token is null or blank.</exception>
    public static ActionKitTokenProvider FromToken(string token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("A Paragon user token is required.", nameof(token));
        }

        return new StaticTokenProvider(token);
    }

    /// <summary>A provider that calls <paramref name="getToken"/> for every attempt.</summary>
    public static ActionKitTokenProvider FromDelegate(Func<CancellationToken, ValueTask<string>> getToken)
    {
        ArgumentNullException.ThrowIfNull(getToken);
        return new DelegateTokenProvider(getToken);
    }

    /// <inheritdoc/>
    public override string ToString() => GetType().Name;

    private sealed class StaticTokenProvider(string token) : ActionKitTokenProvider
    {
        public override ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new(token);
        }
    }

    private sealed class DelegateTokenProvider(Func<CancellationToken, ValueTask<string>> getToken) : ActionKitTokenProvider
    {
        public override ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default) => getToken(cancellationToken);
    }
}
