using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed;

/// <summary>
/// Runs ActionKit actions for one Paragon project: typed (<see cref="RunAsync{TResult}(IActionRequest{TResult}, CancellationToken)"/>,
/// the result type inferred from the request) and untyped (a wire name and JSON, as an LLM tool call gives them).
/// Built on a System.ClientModel pipeline with retries that never repeat a write, a network timeout, logging that
/// redacts the token, and a tracing span per run. Thread-safe; keep one per project (or per user, see
/// <see cref="WithTokenProvider(ActionKitTokenProvider)"/>).
/// </summary>
public partial class ActionKitClient : IActionRunner
{
    private const string CredentialHeader = "X-Paragon-Credential";

    private readonly ClientCore _core = null!;
    private readonly ActionKitTokenProvider _tokenProvider = null!;

    /// <summary>Creates a client from options that name the project and how to authenticate.</summary>
    /// <exception cref="ArgumentException">The project id is missing, or no token, token provider or signing key is set (the message names the option).</exception>
    public ActionKitClient(ActionKitClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tokenProvider = CreateTokenProvider(options);
        _core = ClientCore.Create(options);
        CredentialId = NullIfBlank(options.CredentialId);
    }

    /// <summary>Creates a client for a project with a fixed user token.</summary>
    /// <exception cref="ArgumentException">The project id or token is missing.</exception>
    public ActionKitClient(string projectId, string token, ActionKitClientOptions? options = null)
        : this(With(options, projectId, token, null))
    {
    }

    /// <summary>Creates a client for a project whose token comes from <paramref name="tokenProvider"/> on every attempt.</summary>
    /// <exception cref="ArgumentException">The project id is missing.</exception>
    public ActionKitClient(string projectId, ActionKitTokenProvider tokenProvider, ActionKitClientOptions? options = null)
        : this(With(options, projectId, null, tokenProvider ?? throw new ArgumentNullException(nameof(tokenProvider))))
    {
    }

    /// <summary>For mocking.</summary>
    protected ActionKitClient()
    {
    }

    internal ActionKitClient(ClientCore core, ActionKitTokenProvider tokenProvider, string? credentialId)
    {
        _core = core;
        _tokenProvider = tokenProvider;
        CredentialId = credentialId;
    }

    /// <summary>The pipeline requests are sent through.</summary>
    public virtual ClientPipeline Pipeline => _core.Pipeline;

    /// <summary>The Paragon project id.</summary>
    public virtual string ProjectId => _core.ProjectId;

    /// <summary>The ActionKit endpoint runs are sent to.</summary>
    public virtual Uri ActionKitEndpoint => _core.ActionKitEndpoint;

    /// <summary>The connected account this client acts in by default, or null for the user's default account.</summary>
    public virtual string? CredentialId { get; }

    /// <summary>A client that acts in the connected account <paramref name="credentialId"/> (<c>X-Paragon-Credential</c>); it shares this client's pipeline.</summary>
    /// <exception cref="ArgumentException">The credential id is blank or contains a line break.</exception>
    public virtual ActionKitClient WithCredential(string credentialId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(credentialId);
        ParagonApiSender.CheckHeaderValue(credentialId, nameof(credentialId), "The credential id");
        return new ActionKitClient(_core, _tokenProvider, credentialId);
    }

    /// <summary>
    /// A client that authenticates with another token provider (typically another user's <see cref="ParagonUserToken"/>);
    /// it shares this client's pipeline and connections, so per-user clients are cheap.
    /// </summary>
    public virtual ActionKitClient WithTokenProvider(ActionKitTokenProvider tokenProvider)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        return new ActionKitClient(_core, tokenProvider, CredentialId);
    }

    /// <summary>Runs a typed request; the result type comes from the request.</summary>
    /// <exception cref="ActionKitException">ActionKit refused or failed the run, or its result could not be read.</exception>
    /// <exception cref="ActionKitRequestTooLargeException">The request body is over the limit; nothing was sent.</exception>
    public virtual Task<ClientResult<TResult>> RunAsync<TResult>(IActionRequest<TResult> request, CancellationToken cancellationToken = default) =>
        RunAsync(request, null, cancellationToken);

    /// <summary>Runs a typed request with per-call settings (account, retrying writes).</summary>
    /// <exception cref="ActionKitException">ActionKit refused or failed the run, or its result could not be read.</exception>
    /// <exception cref="ActionKitRequestTooLargeException">The request body is over the limit; nothing was sent.</exception>
    public virtual Task<ClientResult<TResult>> RunAsync<TResult>(IActionRequest<TResult> request, ActionRunOptions? options, CancellationToken cancellationToken = default)
    {
        var (call, descriptor) = TypedCall(request);
        return RunCoreAsync(call, request.WriteParameters, options, descriptor, static (ActionDescriptor<TResult> d, ref Utf8JsonReader reader) => d.ReadResult(ref reader), async: true, cancellationToken);
    }

    /// <summary>
    /// Runs a request whose result type is not known statically (for example one made by
    /// <see cref="ActionDescriptor.ParseRequest(string)"/> from an LLM tool call). The value is the action's result type:
    /// a generated record, <see cref="UntypedActionResult"/>, or <see cref="ActionStreamResult"/>.
    /// </summary>
    /// <exception cref="ActionKitException">ActionKit refused or failed the run, or its result could not be read.</exception>
    /// <exception cref="ActionKitRequestTooLargeException">The request body is over the limit; nothing was sent.</exception>
    public virtual Task<ClientResult<object?>> RunAsync(IActionRequest request, ActionRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var descriptor = request.Descriptor ?? throw new ArgumentException("The request has no descriptor.", nameof(request));
        var call = new RunCall(descriptor.Name, descriptor.Integration, descriptor.Safety, descriptor.ResultKind == ActionResultKind.Binary);
        return RunCoreAsync(call, request.WriteParameters, options, descriptor, static (ActionDescriptor d, ref Utf8JsonReader reader) => d.ReadResultAsObject(ref reader), async: true, cancellationToken);
    }

    /// <summary>
    /// Runs an action by wire name with JSON parameters (a JSON object; null sends <c>{}</c>) and returns its JSON result
    /// as received. Its safety (for retries) and integration come from <see cref="ActionKitClientOptions.Catalog"/> when the
    /// action is there, else safety is inferred from the name (<c>_GET_</c>, <c>_LIST_</c>, <c>_SEARCH_</c>, <c>_DESCRIBE_</c> read).
    /// </summary>
    /// <exception cref="ArgumentException">The name is blank, or the parameters are not a JSON object.</exception>
    /// <exception cref="ActionKitException">ActionKit refused or failed the run (an unknown action included), or its body was not JSON.</exception>
    /// <exception cref="ActionKitRequestTooLargeException">The request body is over the limit; nothing was sent.</exception>
    public virtual Task<ClientResult<UntypedActionResult>> RunAsync(string actionName, BinaryData? parameters, ActionRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = UntypedCall(actionName, streamed: false);
        return RunCoreAsync(call, ParametersWriter(parameters), options, 0, static (int _, ref Utf8JsonReader reader) => UntypedActionResult.Read(ref reader), async: true, cancellationToken);
    }

    /// <summary>Runs an action by wire name whose result is a byte stream (a file download); the body is not buffered.</summary>
    /// <exception cref="ArgumentException">The name is blank, or the parameters are not a JSON object.</exception>
    /// <exception cref="ActionKitException">ActionKit refused or failed the run.</exception>
    public virtual Task<ClientResult<ActionStreamResult>> RunStreamAsync(string actionName, BinaryData? parameters, ActionRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = UntypedCall(actionName, streamed: true);
        return RunCoreAsync<int, ActionStreamResult>(call, ParametersWriter(parameters), options, 0, null, async: true, cancellationToken);
    }

    /// <summary>Runs a typed request; the result type comes from the request.</summary>
    /// <exception cref="ActionKitException">ActionKit refused or failed the run, or its result could not be read.</exception>
    /// <exception cref="ActionKitRequestTooLargeException">The request body is over the limit; nothing was sent.</exception>
    public virtual ClientResult<TResult> Run<TResult>(IActionRequest<TResult> request, CancellationToken cancellationToken = default) =>
        Run(request, null, cancellationToken);

    /// <summary>Runs a typed request with per-call settings (account, retrying writes).</summary>
    /// <exception cref="ActionKitException">ActionKit refused or failed the run, or its result could not be read.</exception>
    /// <exception cref="ActionKitRequestTooLargeException">The request body is over the limit; nothing was sent.</exception>
    public virtual ClientResult<TResult> Run<TResult>(IActionRequest<TResult> request, ActionRunOptions? options, CancellationToken cancellationToken = default)
    {
        var (call, descriptor) = TypedCall(request);
        return RunCoreAsync(call, request.WriteParameters, options, descriptor, static (ActionDescriptor<TResult> d, ref Utf8JsonReader reader) => d.ReadResult(ref reader), async: false, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Runs a request whose result type is not known statically; see <see cref="RunAsync(IActionRequest, ActionRunOptions?, CancellationToken)"/>.</summary>
    /// <exception cref="ActionKitException">ActionKit refused or failed the run, or its result could not be read.</exception>
    /// <exception cref="ActionKitRequestTooLargeException">The request body is over the limit; nothing was sent.</exception>
    public virtual ClientResult<object?> Run(IActionRequest request, ActionRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var descriptor = request.Descriptor ?? throw new ArgumentException("The request has no descriptor.", nameof(request));
        var call = new RunCall(descriptor.Name, descriptor.Integration, descriptor.Safety, descriptor.ResultKind == ActionResultKind.Binary);
        return RunCoreAsync(call, request.WriteParameters, options, descriptor, static (ActionDescriptor d, ref Utf8JsonReader reader) => d.ReadResultAsObject(ref reader), async: false, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Runs an action by wire name with JSON parameters; see <see cref="RunAsync(string, BinaryData?, ActionRunOptions?, CancellationToken)"/>.</summary>
    /// <exception cref="ArgumentException">The name is blank, or the parameters are not a JSON object.</exception>
    /// <exception cref="ActionKitException">ActionKit refused or failed the run, or its body was not JSON.</exception>
    /// <exception cref="ActionKitRequestTooLargeException">The request body is over the limit; nothing was sent.</exception>
    public virtual ClientResult<UntypedActionResult> Run(string actionName, BinaryData? parameters, ActionRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = UntypedCall(actionName, streamed: false);
        return RunCoreAsync(call, ParametersWriter(parameters), options, 0, static (int _, ref Utf8JsonReader reader) => UntypedActionResult.Read(ref reader), async: false, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Runs an action by wire name whose result is a byte stream; the body is not buffered.</summary>
    /// <exception cref="ArgumentException">The name is blank, or the parameters are not a JSON object.</exception>
    /// <exception cref="ActionKitException">ActionKit refused or failed the run.</exception>
    public virtual ClientResult<ActionStreamResult> RunStream(string actionName, BinaryData? parameters, ActionRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = UntypedCall(actionName, streamed: true);
        return RunCoreAsync<int, ActionStreamResult>(call, ParametersWriter(parameters), options, 0, null, async: false, cancellationToken).GetAwaiter().GetResult();
    }

    private static (RunCall Call, ActionDescriptor<TResult> Descriptor) TypedCall<TResult>(IActionRequest<TResult> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var descriptor = request.Descriptor ?? throw new ArgumentException("The request has no descriptor.", nameof(request));
        var call = new RunCall(descriptor.Name, descriptor.Integration, descriptor.Safety, descriptor.ResultKind == ActionResultKind.Binary);
        if (call.Streamed && typeof(TResult) != typeof(ActionStreamResult))
        {
            throw new ArgumentException($"{descriptor.Name} returns a byte stream, but its result type is {typeof(TResult).Name}, not ActionStreamResult.", nameof(request));
        }

        return (call, descriptor);
    }

    private static ActionKitClientOptions With(ActionKitClientOptions? options, string projectId, string? token, ActionKitTokenProvider? provider)
    {
        if (string.IsNullOrWhiteSpace(projectId))
        {
            throw new ArgumentException("A Paragon project id is required.", nameof(projectId));
        }

        if (provider is null && string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("A Paragon user token is required.", nameof(token));
        }

        options ??= new ActionKitClientOptions();
        options.ProjectId = projectId;
        options.Token = token;
        options.TokenProvider = provider;
        return options;
    }

    private static ActionKitTokenProvider CreateTokenProvider(ActionKitClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ProjectId))
        {
            throw new ArgumentException("ActionKitClientOptions.ProjectId is required: the id of your Paragon project.", nameof(ActionKitClientOptions.ProjectId));
        }

        if (options.TokenProvider is { } provider)
        {
            return provider;
        }

        if (!string.IsNullOrWhiteSpace(options.Token))
        {
            return ActionKitTokenProvider.FromToken(options.Token);
        }

        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            if (string.IsNullOrWhiteSpace(options.UserId))
            {
                throw new ArgumentException("ActionKitClientOptions.UserId is required with SigningKey: the user to mint tokens for.", nameof(ActionKitClientOptions.UserId));
            }

            var key = SigningKey.Parse(options.SigningKey, nameof(ActionKitClientOptions.SigningKey));
            return new ParagonUserToken(key, options.UserId, UserTokenOptions(options), ownsKey: true);
        }

        throw new ArgumentException(
            "ActionKitClientOptions.Token is required: set Token (a Paragon user token), TokenProvider, or SigningKey with UserId to mint tokens.",
            nameof(ActionKitClientOptions.Token));
    }

    internal static ParagonUserTokenOptions UserTokenOptions(ActionKitClientOptions options)
    {
        var given = options.UserTokenOptions;
        return new ParagonUserTokenOptions
        {
            Lifetime = given?.Lifetime ?? TimeSpan.FromHours(1),
            RefreshBeforeExpiry = given?.RefreshBeforeExpiry ?? TimeSpan.FromMinutes(5),
            Audience = given?.Audience,
            Permissions = given?.Permissions,
            TimeProvider = given is null || ReferenceEquals(given.TimeProvider, TimeProvider.System) ? options.TimeProvider : given.TimeProvider,
        };
    }

    internal ClientCore Core => _core;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
