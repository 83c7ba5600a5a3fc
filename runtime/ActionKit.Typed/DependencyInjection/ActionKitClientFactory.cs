using System;
using System.Collections.Concurrent;
using System.Net.Http;
using Microsoft.Extensions.Options;

namespace ActionKit.Typed;

/// <summary>The <see cref="IActionKitClientFactory"/> that <c>AddActionKit</c> registers: one pipeline over a named <see cref="HttpClient"/>.</summary>
internal sealed class ActionKitClientFactory : IActionKitClientFactory, IDisposable
{
    // Per-user minters are cached so a user's token is re-minted only near expiry; the bound keeps memory flat.
    private const int MaxCachedUsers = 1024;

    private readonly Lazy<State> _state;
    private readonly ConcurrentDictionary<string, ParagonUserToken> _users = new(StringComparer.Ordinal);

    public ActionKitClientFactory(IOptions<ActionKitClientOptions> options, IHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _state = new Lazy<State>(() => State.Create(options.Value, httpClientFactory));
    }

    public ActionKitClient GetClient() =>
        _state.Value.Default ?? throw new InvalidOperationException(
            "ActionKit has no default authentication: set ActionKit:Token, a TokenProvider, or SigningKey with UserId; or call ForUser(userId) with a SigningKey.");

    public ActionKitClient ForUser(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var state = _state.Value;
        if (state.SigningKey is null)
        {
            throw new InvalidOperationException("ForUser needs ActionKitClientOptions.SigningKey (the project's signing key) to mint the user's tokens.");
        }

        if (!_users.TryGetValue(userId, out var token))
        {
            if (_users.Count >= MaxCachedUsers)
            {
                _users.Clear();
            }

            token = _users.GetOrAdd(userId, id => new ParagonUserToken(state.SigningKey, id, state.TokenOptions, ownsKey: false));
        }

        return new ActionKitClient(state.Core, token, state.CredentialId);
    }

    public ActionKitClient WithTokenProvider(ActionKitTokenProvider tokenProvider)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        var state = _state.Value;
        return new ActionKitClient(state.Core, tokenProvider, state.CredentialId);
    }

    public void Dispose()
    {
        if (_state.IsValueCreated)
        {
            _state.Value.SigningKey?.Dispose();
        }
    }

    private sealed record State(ClientCore Core, ActionKitClient? Default, SigningKey? SigningKey, ParagonUserTokenOptions TokenOptions, string? CredentialId)
    {
        public static State Create(ActionKitClientOptions options, IHttpClientFactory httpClientFactory)
        {
            if (options.Transport is null && options.HttpClient is null)
            {
                options.HttpClient = httpClientFactory.CreateClient(Microsoft.Extensions.DependencyInjection.ActionKitServiceCollectionExtensions.HttpClientName);
            }

            var core = ClientCore.Create(options);
            var key = string.IsNullOrWhiteSpace(options.SigningKey) ? null : SigningKey.Parse(options.SigningKey, nameof(ActionKitClientOptions.SigningKey));
            var tokenOptions = ActionKitClient.UserTokenOptions(options);
            var credentialId = string.IsNullOrWhiteSpace(options.CredentialId) ? null : options.CredentialId;

            ActionKitTokenProvider? provider = options.TokenProvider;
            if (provider is null && !string.IsNullOrWhiteSpace(options.Token))
            {
                provider = ActionKitTokenProvider.FromToken(options.Token);
            }

            if (provider is null && key is not null && !string.IsNullOrWhiteSpace(options.UserId))
            {
                provider = new ParagonUserToken(key, options.UserId, tokenOptions, ownsKey: false);
            }

            var defaultClient = provider is null ? null : new ActionKitClient(core, provider, credentialId);
            return new State(core, defaultClient, key, tokenOptions, credentialId);
        }
    }
}
