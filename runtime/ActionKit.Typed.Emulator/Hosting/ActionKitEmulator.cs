using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator.Auth;
using ActionKit.Typed.Emulator.Catalog;
using ActionKit.Typed.Emulator.Endpoints;
using ActionKit.Typed.Emulator.Hosting;
using ActionKit.Typed.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using ActionKit.Typed.Emulator.Errors;

namespace ActionKit.Typed.Emulator;

/// <summary>
/// A local ActionKit (with the Proxy and Connect paths) on <c>127.0.0.1</c>: a real Kestrel server that tests,
/// samples and users' own tests call instead of Paragon. Start it with <see cref="StartAsync"/>, point a client at
/// <see cref="BaseAddress"/>, sign user tokens with <see cref="SigningKeyPem"/>, and assert on <see cref="Journal"/>.
/// </summary>
public sealed class ActionKitEmulator : IAsyncDisposable
{
    /// <summary>The project id served when the options do not name one.</summary>
    public const string DefaultProjectId = "emulator-project";

    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private int _disposed;

    private ActionKitEmulator(WebApplication app, EmulatorState state, Uri baseAddress)
    {
        _app = app;
        _state = state;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's root, <c>http://127.0.0.1:{port}/</c>; ActionKit, Proxy and Connect paths are all under it.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The project id in every served path (<c>/projects/{id}/…</c>).</summary>
    public string ProjectId => _state.ProjectId;

    /// <summary>The RSA private key (PKCS#8 PEM) whose public key verifies tokens; sign Paragon User Tokens with it.</summary>
    /// <exception cref="InvalidOperationException">The emulator was given only a public key.</exception>
    public string SigningKeyPem => _state.SigningKey.PrivateKeyPem
        ?? throw new InvalidOperationException("The emulator was configured with a public key only, so it has no signing key to give out.");

    /// <summary>The public key (SubjectPublicKeyInfo PEM) tokens are verified with.</summary>
    public string PublicKeyPem => _state.SigningKey.PublicKeyPem;

    /// <summary>Every request received, in order, recorded before faults and checks.</summary>
    public EmulatorJournal Journal => _state.Journal;

    /// <summary>Faults queued for the next matching requests.</summary>
    public EmulatorFaults Faults => _state.Faults;

    /// <summary>The integrations in the catalog, in List Actions order.</summary>
    public IReadOnlyList<string> Integrations => _state.Catalog.Integrations;

    /// <summary>The action names in the catalog, in List Actions order.</summary>
    public IReadOnlyList<string> ActionNames => _state.Catalog.Actions.Select(a => a.Name).ToArray();

    /// <summary>Schema or annotation files and entries that could not be read (they were skipped).</summary>
    public IReadOnlyList<string> CatalogWarnings => _state.Catalog.Warnings;

    /// <summary>Starts an emulator on a loopback port.</summary>
    /// <exception cref="ArgumentException">An option is invalid (for example a key that is not PEM).</exception>
    /// <exception cref="System.IO.IOException">A schema directory or file does not exist, or the port is taken.</exception>
    public static async Task<ActionKitEmulator> StartAsync(ActionKitEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = options?.Snapshot() ?? new ActionKitEmulatorOptions();
        if (string.IsNullOrWhiteSpace(options.ProjectId) || options.ProjectId.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("ProjectId must be a non-empty path segment.", nameof(options));
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "Port must be between 0 and 65535.");
        }

        if (options.PaginatedItemCount < 0 || options.DefaultPageSize < 1 || options.BinaryResultLength < 0)
        {
            throw new ArgumentException("PaginatedItemCount and BinaryResultLength cannot be negative, and DefaultPageSize must be at least 1.", nameof(options));
        }

        if (options.MaxJournalEntries is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxJournalEntries, "MaxJournalEntries must be at least 1 (or null to keep every request).");
        }

        var catalog = CatalogLoader.Load(options);
        var signingKey = SigningKey.Create(options.SigningKeyPem, options.PublicKeyPem);
        var state = new EmulatorState(options, catalog, signingKey, new EmulatorJournal(options.MaxJournalEntries), new EmulatorFaults());

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ActionKitEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        // The host application's appsettings and environment (a "Kestrel" section, ASPNETCORE_URLS) must not
        // reconfigure an embedded emulator: everything it needs comes from its options.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;

            // The emulator answers oversized bodies itself (413 with the error body), so Kestrel must let them in.
            kestrel.Limits.MaxRequestBodySize = null;
        });

        var app = builder.Build();
        var pipeline = new RequestPipeline(state, app.Lifetime.ApplicationStopping);
        app.Run(pipeline.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            signingKey.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        return new ActionKitEmulator(app, state, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>
    /// Serves another catalog from now on, as a project whose schemas changed (new actions, changed parameters):
    /// it is read from <paramref name="schemas"/>'s bundled-catalog switch, schema directories, files and documents,
    /// as <see cref="StartAsync"/> reads them; every other option stays as the emulator started.
    /// </summary>
    /// <exception cref="System.IO.IOException">A schema directory or file does not exist; the current catalog stays.</exception>
    public void ReplaceCatalog(ActionKitEmulatorOptions schemas)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        _state.Catalog = CatalogLoader.Load(schemas);
    }

    /// <summary>Makes every run of <paramref name="action"/> answer 200 with <paramref name="json"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not JSON.</exception>
    public void SetResult(string action, string json) => SetResult(action, 200, json);

    /// <summary>Makes every run of <paramref name="action"/> answer <paramref name="status"/> with the JSON body <paramref name="json"/> (use the error body shape for errors).</summary>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not JSON.</exception>
    public void SetResult(string action, int status, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(json);
        _state.Results.Set(action, ScriptedJson(status, json, $"The scripted result for {action}"));
    }

    /// <summary>Makes every run of <paramref name="action"/> answer 200 with a byte stream.</summary>
    public void SetBinaryResult(string action, byte[] content, string contentType = "application/octet-stream", string? fileName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        _state.Results.Set(action, new ScriptedResult(200, content.ToArray(), contentType, fileName));
    }

    /// <summary>Serves <paramref name="dataSet"/> page by page for every run of <paramref name="action"/> (a paginated action).</summary>
    public void SetPagedData(string action, PagedDataSet dataSet)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(dataSet);
        _state.PagedData.Set(action, dataSet);
    }

    /// <summary>Stops serving paged data for <paramref name="action"/>; true when a data set was removed.</summary>
    public bool ClearPagedData(string action) => _state.PagedData.Remove(action);

    /// <summary>
    /// Makes Proxy API calls to <paramref name="path"/> of <paramref name="integration"/> (any method, query ignored)
    /// get this provider JSON: wrapped as <c>{"output": …}</c>, or as-is in raw mode; a status of 400 or more comes
    /// back as the error body with <c>meta.isIntegrationError</c> unless raw.
    /// </summary>
    /// <param name="integration">The integration as in the proxy path: <c>slack</c>, <c>custom.slug</c> or <c>custom/&lt;id&gt;</c>.</param>
    /// <param name="path">The provider path (for example <c>/chat.postMessage</c>) or the full URL of an override.</param>
    /// <param name="json">The provider's JSON body.</param>
    /// <param name="status">The provider's status.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not JSON.</exception>
    public void SetProxyResult(string integration, string path, string json, int status = 200)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(integration);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(json);
        _state.Proxy.Set(integration, path, ScriptedJson(status, json, $"The scripted proxy response for {integration} {path}"));
    }

    /// <summary>Makes Proxy API calls to <paramref name="path"/> of <paramref name="integration"/> get these provider bytes (for raw mode and downloads).</summary>
    public void SetProxyResult(string integration, string path, byte[] content, string contentType, int status = 200, string? fileName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(integration);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        _state.Proxy.Set(integration, path, new ScriptedResult(status, content.ToArray(), contentType, fileName));
    }

    /// <summary>Goes back to synthesized results for <paramref name="action"/>; true when a script was removed.</summary>
    public bool ClearResult(string action) => _state.Results.Remove(action);

    /// <summary>
    /// Sets the seeded list a paginated action (one annotated with <c>pagination</c>) pages through: how many items it
    /// has, how many a page holds when the call sends no limit, and what the next cursor holds on the last page.
    /// </summary>
    public void SetPagination(string action, int totalItems, int? pageSize = null, EmulatorEndOfList? endOfList = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentOutOfRangeException.ThrowIfNegative(totalItems);
        if (pageSize is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds at least one item.");
        }

        _state.Pagination.Set(action, totalItems, pageSize, endOfList);
    }

    /// <summary>Connects <paramref name="integration"/> for <paramref name="userId"/>; runs for that pair then need one of its credentials when <c>X-Paragon-Credential</c> is sent.</summary>
    /// <returns>The credential id (a stable generated one when <paramref name="credentialId"/> is null).</returns>
    public string ConnectIntegration(string userId, string integration, string? credentialId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(integration);
        return _state.Connections.Connect(userId, integration, credentialId);
    }

    /// <summary>Disconnects one credential, or the whole integration for the user when <paramref name="credentialId"/> is null; runs then fail with "Integration not enabled for user.".</summary>
    public void DisconnectIntegration(string userId, string integration, string? credentialId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(integration);
        _state.Connections.Disconnect(userId, integration, credentialId);
    }

    /// <summary>The id of an integration, as <c>GET /sdk/integrations</c> lists it and <c>DELETE /sdk/integrations/{id}</c> takes it.</summary>
    public string IntegrationId(string integration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(integration);
        return ConnectEndpoint.IntegrationId(integration);
    }

    /// <summary>The id of a custom integration (<c>custom.&lt;slug&gt;</c>) for <c>/sdk/proxy/custom/{id}/</c> paths and <c>customIntegrationId</c>.</summary>
    public string CustomIntegrationId(string integration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(integration);
        return ConnectSeeds.CustomIntegrationId(integration);
    }

    /// <summary>The ids of the project's (request-triggered) workflows for an integration; stable per integration.</summary>
    public IReadOnlyList<string> WorkflowIds(string integration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(integration);
        return ConnectSeeds.WorkflowIds(integration);
    }

    /// <summary>The credential id a user has for an integration (the first, when several).</summary>
    /// <exception cref="InvalidOperationException">The user has not connected it.</exception>
    public string CredentialId(string userId, string integration)
    {
        var credentials = _state.Connections.Credentials(userId, integration);
        return credentials.Count > 0 ? credentials[0] : throw new InvalidOperationException($"{userId} has not connected {integration}.");
    }

    /// <summary>
    /// The stored <c>config</c> of a credential, as JSON; until a PATCH replaces it, the seed (workflows with settings,
    /// shared settings, and properties an SDK might not model).
    /// </summary>
    public string GetCredentialConfig(string credentialId, string integration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(credentialId);
        ArgumentException.ThrowIfNullOrWhiteSpace(integration);
        return ConnectSeeds.ToJson(_state.Profiles.Config(credentialId, integration));
    }

    /// <summary>Replaces the stored <c>config</c> of a credential.</summary>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not a JSON object.</exception>
    public void SetCredentialConfig(string credentialId, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(credentialId);
        ArgumentNullException.ThrowIfNull(json);
        if (JsonNode.Parse(json) is not JsonObject config)
        {
            throw new ArgumentException("A config must be a JSON object.", nameof(json));
        }

        _state.Profiles.ReplaceConfig(credentialId, config);
    }

    /// <summary>Clears the journal, queued faults, scripted results (actions and proxy), paged data and pagination settings, connections, user metadata and credential configs.</summary>
    public void Reset()
    {
        _state.Journal.Clear();
        _state.Faults.Clear();
        _state.Results.Clear();
        _state.PagedData.Clear();
        _state.Connections.Reset();
        _state.Pagination.Clear();
        _state.Proxy.Clear();
        _state.Profiles.Clear();
    }

    /// <summary>
    /// Signs a Paragon User Token (RS256, <c>sub</c>/<c>iat</c>/<c>exp</c>) with <see cref="SigningKeyPem"/>, for
    /// tests that do not mint their own.
    /// </summary>
    /// <param name="userId">The Connected User (<c>sub</c>).</param>
    /// <param name="lifetime">How long the token lives (default one hour); negative gives an expired token.</param>
    public string CreateUserToken(string userId, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var now = _state.Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        var exp = now + (long)(lifetime ?? TimeSpan.FromHours(1)).TotalSeconds;
        var header = Base64Url.EncodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"u8);
        var payloadBuffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(payloadBuffer, JsonWriting.Options))
        {
            writer.WriteStartObject();
            writer.WriteString("sub", userId);
            writer.WriteNumber("iat", now);
            writer.WriteNumber("exp", exp);
            writer.WriteEndObject();
        }

        var signingInput = header + "." + Base64Url.EncodeToString(payloadBuffer.WrittenSpan);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(SigningKeyPem);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>A JSON body to script, checked once for both actions and proxy calls (malformed bodies belong to Faults).</summary>
    private static ScriptedResult ScriptedJson(int status, string json, string what)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{what} is not JSON: {ex.Message} (use Faults for malformed bodies).", "json", ex);
        }

        return new ScriptedResult(status, Encoding.UTF8.GetBytes(json), EmulatorResponse.JsonContentType);
    }

    /// <summary>Stops the server and releases its port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _state.SigningKey.Dispose();
        }
    }
}
