using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using ActionKit.Typed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers ActionKit: <see cref="ActionKitClientOptions"/> (from configuration and/or code), a named
/// <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>, <see cref="IActionKitClientFactory"/>, and, when a
/// default token is configured, <see cref="ActionKitClient"/> and <see cref="IActionRunner"/> as singletons.
/// </summary>
/// <remarks>
/// Per-user pattern: configure the project's <c>SigningKey</c> (no <c>UserId</c>) and resolve a client per request,
/// for example <c>services.AddScoped(sp =&gt; sp.GetRequiredService&lt;IActionKitClientFactory&gt;().ForUser(currentUserId))</c>.
/// Every per-user client shares one pipeline and connection pool; each user's token is minted once and refreshed
/// before it expires. For tokens obtained elsewhere, use <see cref="IActionKitClientFactory.WithTokenProvider"/>.
/// </remarks>
public static class ActionKitServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> ActionKit uses; configure it with <c>services.AddHttpClient(HttpClientName)</c> or the returned builder.</summary>
    public const string HttpClientName = "ActionKit.Typed";

    /// <summary>Registers ActionKit configured in code.</summary>
    public static IHttpClientBuilder AddActionKit(this IServiceCollection services, Action<ActionKitClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddActionKitCore(services, null, configure);
    }

    /// <summary>
    /// Registers ActionKit configured from a section such as <c>configuration.GetSection("ActionKit")</c>: keys
    /// <c>ProjectId</c>, <c>Token</c>, <c>SigningKey</c>, <c>UserId</c>, <c>CredentialId</c>, <c>OnPremBaseUrl</c>,
    /// <c>ActionKitEndpoint</c>, <c>ProxyEndpoint</c>, <c>ConnectEndpoint</c>, <c>MaxRetries</c>, <c>MaxRetryAfter</c>,
    /// <c>RetryWrites</c>, <c>NetworkTimeout</c> (time spans as <c>00:00:30</c> or seconds), <c>MaxRequestBodySize</c>.
    /// </summary>
    public static IHttpClientBuilder AddActionKit(this IServiceCollection services, IConfiguration configuration, Action<ActionKitClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return AddActionKitCore(services, configuration, configure);
    }

    private static IHttpClientBuilder AddActionKitCore(IServiceCollection services, IConfiguration? configuration, Action<ActionKitClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ActionKitClientOptions>();
        if (configuration is not null)
        {
            options.Configure(o => Bind(configuration, o));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IActionKitClientFactory, ActionKitClientFactory>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IActionKitClientFactory>().GetClient());
        services.TryAddSingleton<IActionRunner>(sp => sp.GetRequiredService<ActionKitClient>());

        // The client is long-lived, so connections are recycled by the handler rather than by rotating handlers;
        // the pipeline owns timeouts, so HttpClient's own is off.
        return services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }

    // Bound by hand (no reflection), so the registration is trimming- and Native AOT-safe.
    internal static void Bind(IConfiguration section, ActionKitClientOptions options)
    {
        if (section[nameof(options.ProjectId)] is { Length: > 0 } projectId)
        {
            options.ProjectId = projectId;
        }

        if (section[nameof(options.Token)] is { Length: > 0 } token)
        {
            options.Token = token;
        }

        if (section[nameof(options.SigningKey)] is { Length: > 0 } signingKey)
        {
            options.SigningKey = signingKey;
        }

        if (section[nameof(options.UserId)] is { Length: > 0 } userId)
        {
            options.UserId = userId;
        }

        if (section[nameof(options.CredentialId)] is { Length: > 0 } credentialId)
        {
            options.CredentialId = credentialId;
        }

        if (section[nameof(options.OnPremBaseUrl)] is { Length: > 0 } onPrem)
        {
            options.OnPremBaseUrl = onPrem;
        }

        if (Url(section, nameof(options.ActionKitEndpoint)) is { } actionKit)
        {
            options.ActionKitEndpoint = actionKit;
        }

        if (Url(section, nameof(options.ProxyEndpoint)) is { } proxy)
        {
            options.ProxyEndpoint = proxy;
        }

        if (Url(section, nameof(options.ConnectEndpoint)) is { } connect)
        {
            options.ConnectEndpoint = connect;
        }

        if (section[nameof(options.MaxRetries)] is { Length: > 0 } maxRetries)
        {
            options.MaxRetries = int.Parse(maxRetries, NumberStyles.Integer, CultureInfo.InvariantCulture);
        }

        if (Duration(section, nameof(options.MaxRetryAfter)) is { } maxRetryAfter)
        {
            options.MaxRetryAfter = maxRetryAfter;
        }

        if (section[nameof(options.RetryWrites)] is { Length: > 0 } retryWrites)
        {
            options.RetryWrites = bool.Parse(retryWrites);
        }

        if (Duration(section, nameof(options.NetworkTimeout)) is { } networkTimeout)
        {
            options.NetworkTimeout = networkTimeout;
        }

        if (section[nameof(options.MaxRequestBodySize)] is { Length: > 0 } maxBody)
        {
            options.MaxRequestBodySize = long.Parse(maxBody, NumberStyles.Integer, CultureInfo.InvariantCulture);
        }
    }

    private static Uri? Url(IConfiguration section, string key) => section[key] switch
    {
        null or "" => null,
        var text when Uri.TryCreate(text, UriKind.Absolute, out var uri) => uri,
        var text => throw new OptionsValidationException(key, typeof(ActionKitClientOptions), [$"ActionKit:{key} '{text}' is not an absolute URL."]),
    };

    private static TimeSpan? Duration(IConfiguration section, string key) => section[key] switch
    {
        null or "" => null,
        var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) => TimeSpan.FromSeconds(seconds),
        var text when TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) => span,
        var text => throw new OptionsValidationException(key, typeof(ActionKitClientOptions), [$"ActionKit:{key} '{text}' is not a time span (00:00:30) or a number of seconds."]),
    };
}
