using System;
using System.ClientModel.Primitives;
using System.Net.Http;

namespace ActionKit.Typed;

/// <summary>
/// Settings for <see cref="ActionKitClient"/>: the project, how to authenticate (a token, a token provider, or minting
/// from the signing key), the ActionKit/Proxy/Connect endpoints, and retry, timeout and transport. The inherited
/// <see cref="ClientPipelineOptions.NetworkTimeout"/>, <see cref="ClientPipelineOptions.ClientLoggingOptions"/> and
/// custom policies apply as in any System.ClientModel client.
/// </summary>
public class ActionKitClientOptions : ClientPipelineOptions
{
    /// <summary>ActionKit's cloud endpoint.</summary>
    public static readonly Uri DefaultActionKitEndpoint = new("https://actionkit.useparagon.com");

    /// <summary>The Proxy API's cloud endpoint.</summary>
    public static readonly Uri DefaultProxyEndpoint = new("https://proxy.useparagon.com");

    /// <summary>The Connect (users and credentials) API's cloud endpoint.</summary>
    public static readonly Uri DefaultConnectEndpoint = new("https://zeus.useparagon.com");

    private Uri? _actionKitEndpoint;
    private Uri? _proxyEndpoint;
    private Uri? _connectEndpoint;
    private string? _projectId;
    private string? _token;
    private ActionKitTokenProvider? _tokenProvider;
    private string? _signingKey;
    private string? _userId;
    private string? _onPremBaseUrl;
    private int _maxRetries = 3;
    private TimeSpan _maxRetryAfter = TimeSpan.FromSeconds(60);
    private bool _retryWrites;
    private TimeProvider _timeProvider = TimeProvider.System;
    private HttpClient? _httpClient;
    private long _maxRequestBodySize = ActionKitFile.RequestBodyLimit;
    private string? _credentialId;
    private ActionCatalog? _catalog;
    private ParagonUserTokenOptions? _userTokenOptions;

    /// <summary>The Paragon project id (required).</summary>
    public string? ProjectId { get => _projectId; set => Set(ref _projectId, value); }

    /// <summary>A Paragon user token (a signed JWT) used for every call. Use one of <see cref="Token"/>, <see cref="TokenProvider"/>, or <see cref="SigningKey"/> with <see cref="UserId"/>.</summary>
    public string? Token { get => _token; set => Set(ref _token, value); }

    /// <summary>Supplies the token for each attempt (per-user lookups, refresh).</summary>
    public ActionKitTokenProvider? TokenProvider { get => _tokenProvider; set => Set(ref _tokenProvider, value); }

    /// <summary>The project's signing key (PEM; literal <c>\n</c> accepted): tokens are minted for <see cref="UserId"/> with <see cref="ParagonUserToken"/>.</summary>
    public string? SigningKey { get => _signingKey; set => Set(ref _signingKey, value); }

    /// <summary>The user to mint tokens for (<c>sub</c>) when <see cref="SigningKey"/> is set.</summary>
    public string? UserId { get => _userId; set => Set(ref _userId, value); }

    /// <summary>Lifetime, audience, permissions of minted tokens; the clock defaults to <see cref="TimeProvider"/>.</summary>
    public ParagonUserTokenOptions? UserTokenOptions { get => _userTokenOptions; set => Set(ref _userTokenOptions, value); }

    /// <summary>
    /// The base URL of an on-premises Paragon (for example <c>paragon.example.com</c> or <c>https://paragon.example.com</c>).
    /// Endpoints not set explicitly are derived from it: <c>worker-actionkit.{base}</c>, <c>worker-proxy.{base}</c>
    /// and <c>zeus.{base}</c> (the Connect host follows the cloud's naming; set <see cref="ConnectEndpoint"/> if yours differs).
    /// </summary>
    public string? OnPremBaseUrl { get => _onPremBaseUrl; set => Set(ref _onPremBaseUrl, value); }

    /// <summary>ActionKit's endpoint; default <c>https://actionkit.useparagon.com</c> or derived from <see cref="OnPremBaseUrl"/>.</summary>
    public Uri ActionKitEndpoint { get => _actionKitEndpoint ?? OnPrem("worker-actionkit.") ?? DefaultActionKitEndpoint; set => Set(ref _actionKitEndpoint, value); }

    /// <summary>The Proxy API's endpoint; default <c>https://proxy.useparagon.com</c> or derived from <see cref="OnPremBaseUrl"/>.</summary>
    public Uri ProxyEndpoint { get => _proxyEndpoint ?? OnPrem("worker-proxy.") ?? DefaultProxyEndpoint; set => Set(ref _proxyEndpoint, value); }

    /// <summary>The Connect API's endpoint; default <c>https://zeus.useparagon.com</c> or derived from <see cref="OnPremBaseUrl"/>.</summary>
    public Uri ConnectEndpoint { get => _connectEndpoint ?? OnPrem("zeus.") ?? DefaultConnectEndpoint; set => Set(ref _connectEndpoint, value); }

    /// <summary>How many times a call may be retried (default 3; 0 turns retries off).</summary>
    public int MaxRetries
    {
        get => _maxRetries;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Set(ref _maxRetries, value);
        }
    }

    /// <summary>The longest <c>Retry-After</c> the SDK waits out (default 60 s); a longer one fails at once with <see cref="ActionKitException.RetryAfter"/> set.</summary>
    public TimeSpan MaxRetryAfter
    {
        get => _maxRetryAfter;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            Set(ref _maxRetryAfter, value);
        }
    }

    /// <summary>Lets every write action be sent again after a server error, timeout or dropped connection (default false). Prefer <see cref="ActionRunOptions.RetryWrites"/> per call.</summary>
    public bool RetryWrites { get => _retryWrites; set => Set(ref _retryWrites, value); }

    /// <summary>The clock for retry waits and token expiry (tests pass a fake one).</summary>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Set(ref _timeProvider, value);
        }
    }

    /// <summary>An <see cref="System.Net.Http.HttpClient"/> to send requests with (ignored when <see cref="ClientPipelineOptions.Transport"/> is set). The caller keeps ownership.</summary>
    public HttpClient? HttpClient { get => _httpClient; set => Set(ref _httpClient, value); }

    /// <summary>The largest request body sent (default ActionKit's 10 MB); larger ones are refused before sending.</summary>
    public long MaxRequestBodySize
    {
        get => _maxRequestBodySize;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            Set(ref _maxRequestBodySize, value);
        }
    }

    /// <summary>The connected account every call acts in (<c>X-Paragon-Credential</c>), unless a call says otherwise.</summary>
    public string? CredentialId { get => _credentialId; set => Set(ref _credentialId, value); }

    /// <summary>A catalog (such as the generated <c>ActionKitCatalog.All</c>) that untyped runs look actions up in, for their integration and retry safety.</summary>
    public ActionCatalog? Catalog { get => _catalog; set => Set(ref _catalog, value); }

    /// <summary>
    /// Points ActionKit, Proxy and Connect at one base URL, for a server that serves all three paths (the local
    /// emulator, or a gateway in front of Paragon).
    /// </summary>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException">The URL is not absolute.</exception>
    public ActionKitClientOptions UseEndpoint(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("The endpoint must be an absolute URL.", nameof(baseAddress));
        }

        ActionKitEndpoint = baseAddress;
        ProxyEndpoint = baseAddress;
        ConnectEndpoint = baseAddress;
        return this;
    }

    private Uri? OnPrem(string hostPrefix)
    {
        if (string.IsNullOrWhiteSpace(_onPremBaseUrl))
        {
            return null;
        }

        var text = _onPremBaseUrl.Trim();
        var scheme = Uri.UriSchemeHttps;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0)
        {
            scheme = text[..schemeEnd];
            text = text[(schemeEnd + 3)..];
        }

        text = text.TrimEnd('/');
        if (!Uri.TryCreate($"{scheme}://{hostPrefix}{text}", UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"OnPremBaseUrl '{_onPremBaseUrl}' is not a host name or URL.", nameof(OnPremBaseUrl));
        }

        return uri;
    }

    private void Set<T>(ref T field, T value)
    {
        AssertNotFrozen();
        field = value;
    }
}
