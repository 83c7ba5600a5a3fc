using System;
using System.Buffers;
using System.Buffers.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;

namespace ActionKit.Typed;

/// <summary>
/// Mints Paragon user tokens: RS256 JWTs signed with the project's signing key, carrying <c>sub</c> (your user id),
/// <c>iat</c>, <c>exp</c>, and optionally <c>aud</c> and JWT Permissions. A token is cached and re-minted shortly
/// before it expires, so one instance per user can serve every call.
/// </summary>
public sealed class ParagonUserToken : ActionKitTokenProvider, IDisposable
{
    /// <summary>The claim that carries JWT Permissions.</summary>
    public const string PermissionsClaim = "urn:useparagon:connect:permissions";

    // {"alg":"RS256","typ":"JWT"}, base64url: the header never changes.
    private const string EncodedHeader = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9";

    private readonly SigningKey _key;
    private readonly bool _ownsKey;
    private readonly ParagonUserTokenOptions _options;
    private readonly Lock _gate = new();
    private string? _token;
    private DateTimeOffset _expiresOn;

    /// <summary>Creates a minter for one user.</summary>
    /// <param name="signingKeyPem">The project's signing key (PEM private key; literal <c>\n</c> sequences are accepted).</param>
    /// <param name="userId">Your id for the user; it becomes <c>sub</c>, the Connected User.</param>
    /// <param name="options">Lifetime, refresh, audience, permissions and clock.</param>
    /// <exception cref="ArgumentException">The key is not a PEM RSA private key, or the user id is blank.</exception>
    public ParagonUserToken(string signingKeyPem, string userId, ParagonUserTokenOptions? options = null)
        : this(SigningKey.Parse(signingKeyPem, nameof(signingKeyPem)), userId, options, ownsKey: true)
    {
    }

    internal ParagonUserToken(SigningKey key, string userId, ParagonUserTokenOptions? options, bool ownsKey)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            if (ownsKey)
            {
                key.Dispose();
            }

            throw new ArgumentException("A user id (the token's 'sub') is required.", nameof(userId));
        }

        _options = options ?? new ParagonUserTokenOptions();
        if (_options.Lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("ParagonUserTokenOptions.Lifetime must be positive.", nameof(options));
        }

        _key = key;
        _ownsKey = ownsKey;
        UserId = userId;
    }

    /// <summary>The user the tokens are for (<c>sub</c>).</summary>
    public string UserId { get; }

    /// <summary>When the cached token expires, or null before the first one is minted.</summary>
    public DateTimeOffset? ExpiresOn
    {
        get
        {
            lock (_gate)
            {
                return _token is null ? null : _expiresOn;
            }
        }
    }

    /// <summary>The recommended audience for a project: <c>useparagon.com/{projectId}</c>.</summary>
    public static string AudienceFor(string projectId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        return "useparagon.com/" + projectId;
    }

    /// <summary>Mints one token without caching.</summary>
    /// <exception cref="ArgumentException">The key is not a PEM RSA private key, or the user id is blank.</exception>
    public static string Create(string signingKeyPem, string userId, ParagonUserTokenOptions? options = null)
    {
        using var minter = new ParagonUserToken(signingKeyPem, userId, options);
        return minter.GetToken();
    }

    /// <summary>Returns the cached token, or mints a new one when it is within <see cref="ParagonUserTokenOptions.RefreshBeforeExpiry"/> of expiring.</summary>
    public string GetToken()
    {
        var now = _options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_token is null || now >= _expiresOn - _options.RefreshBeforeExpiry)
            {
                (_token, _expiresOn) = Mint(now);
            }

            return _token;
        }
    }

    /// <inheritdoc/>
    public override ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(GetToken());
    }

    /// <summary>Releases the signing key when this instance parsed it.</summary>
    public void Dispose()
    {
        if (_ownsKey)
        {
            _key.Dispose();
        }
    }

    /// <summary>Describes the token's subject and expiry; never the token.</summary>
    public override string ToString() => $"ParagonUserToken(sub={UserId})";

    private (string Token, DateTimeOffset ExpiresOn) Mint(DateTimeOffset now)
    {
        var issuedAt = now.ToUnixTimeSeconds();
        var expires = issuedAt + (long)Math.Ceiling(_options.Lifetime.TotalSeconds);

        var payload = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("sub", UserId);
            writer.WriteNumber("iat", issuedAt);
            writer.WriteNumber("exp", expires);
            if (!string.IsNullOrEmpty(_options.Audience))
            {
                writer.WriteString("aud", _options.Audience);
            }

            if (_options.Permissions is { } permissions)
            {
                writer.WriteStartObject(PermissionsClaim);
                foreach (var pair in permissions)
                {
                    writer.WriteBoolean(pair.Key, pair.Value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        var signingInput = EncodedHeader + "." + Base64Url.EncodeToString(payload.WrittenSpan);
        var signature = _key.Sign(System.Text.Encoding.ASCII.GetBytes(signingInput));
        return (signingInput + "." + Base64Url.EncodeToString(signature), DateTimeOffset.FromUnixTimeSeconds(expires));
    }
}
