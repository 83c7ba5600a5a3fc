using System;
using System.ClientModel.Primitives;
using System.Linq;

namespace ActionKit.Typed;

/// <summary>What a client and the clients scoped from it (<c>WithCredential</c>, <c>WithTokenProvider</c>) share: one pipeline and its settings.</summary>
internal sealed class ClientCore
{
    private ClientCore(ActionKitClientOptions options, ClientPipeline pipeline)
    {
        Pipeline = pipeline;
        ProjectId = options.ProjectId!;
        ActionKitEndpoint = options.ActionKitEndpoint;
        ProxyEndpoint = options.ProxyEndpoint;
        ConnectEndpoint = options.ConnectEndpoint;
        RunUri = Combine(ActionKitEndpoint, "projects/" + Uri.EscapeDataString(ProjectId) + "/actions");
        MaxRequestBodySize = options.MaxRequestBodySize;
        RetryWrites = options.RetryWrites;
        TimeProvider = options.TimeProvider;
        NetworkTimeout = options.NetworkTimeout;
        Tracing = options.EnableDistributedTracing ?? true;
        Catalog = options.Catalog;
    }

    public ClientPipeline Pipeline { get; }

    public string ProjectId { get; }

    public Uri ActionKitEndpoint { get; }

    public Uri ProxyEndpoint { get; }

    public Uri ConnectEndpoint { get; }

    public Uri RunUri { get; }

    public long MaxRequestBodySize { get; }

    public bool RetryWrites { get; }

    public TimeProvider TimeProvider { get; }

    public TimeSpan? NetworkTimeout { get; }

    public bool Tracing { get; }

    public ActionCatalog? Catalog { get; }

    /// <summary>Builds the pipeline: user agent per call; SDK retry policy; bearer token per try; the options' transport or <c>HttpClient</c>.</summary>
    public static ClientCore Create(ActionKitClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ProjectId))
        {
            throw new ArgumentException("ActionKitClientOptions.ProjectId is required: the id of your Paragon project.", nameof(ActionKitClientOptions.ProjectId));
        }

        if (!options.ActionKitEndpoint.IsAbsoluteUri)
        {
            throw new ArgumentException("ActionKitClientOptions.ActionKitEndpoint must be an absolute URL.", nameof(ActionKitClientOptions.ActionKitEndpoint));
        }

        if (!IsFrozen(options))
        {
            // System.ClientModel's logging policy does work and allocates on every call even when nothing listens, so it
            // is on only when the caller asks for logging: a logger factory, or EnableLogging set (true also keeps the
            // System.ClientModel event source fed without a logger factory).
            var logging = options.ClientLoggingOptions ??= new ClientLoggingOptions();
            logging.EnableLogging ??= logging.LoggerFactory is not null;
            options.RetryPolicy ??= new ActionKitRetryPolicy(
                options.MaxRetries,
                options.MaxRetryAfter,
                options.TimeProvider,
                logging.EnableLogging.Value,
                logging.LoggerFactory);

            if (options.Transport is null && options.HttpClient is { } httpClient)
            {
                options.Transport = new HttpClientPipelineTransport(httpClient);
            }

            // The token must never reach a log line, whatever the caller allowed.
            foreach (var name in logging.AllowedHeaderNames.Where(IsSecretHeader).ToList())
            {
                logging.AllowedHeaderNames.Remove(name);
            }
        }

        var pipeline = ClientPipeline.Create(
            options,
            perCallPolicies: [new UserAgentHeaderPolicy(typeof(ActionKitClient).Assembly)],
            perTryPolicies: [BearerTokenPolicy.Instance],
            beforeTransportPolicies: ReadOnlySpan<PipelinePolicy>.Empty);
        return new ClientCore(options, pipeline);
    }

    internal static Uri Combine(Uri endpoint, string relative)
    {
        var text = endpoint.AbsoluteUri;
        return new Uri(text.EndsWith('/') ? text + relative : text + "/" + relative);
    }

    private static bool IsSecretHeader(string name) =>
        string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase);

    private static bool IsFrozen(ActionKitClientOptions options)
    {
        try
        {
            options.RetryPolicy = options.RetryPolicy;
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
