using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed;

/// <summary>
/// The Proxy API: any HTTP request to an integration's provider, sent by Paragon with the user's connected account,
/// through the same pipeline as action runs (auth, retries, errors, tracing, multi-account). Reach it as
/// <see cref="ActionKitClient.Proxy"/>.
/// </summary>
/// <remarks>
/// <para>Integrations are named as Paragon spells them (<c>slack</c>, <c>googledrive</c>, <c>custom.tasklab</c>) or, for a
/// custom integration by id, <c>custom/{integrationId}</c> (see <see cref="CustomIntegration(string)"/>).</para>
/// <para>Paths are the provider's (<c>chat.postMessage</c>, <c>/drive/v3/files?q=…</c>), kept as given (encoding
/// included); a path that could leave the integration (<c>..</c>, however encoded; a backslash) is refused before
/// sending. A full <c>https://</c> URL overrides the integration's base URL (see <see cref="ProxyFullUrlForm"/>).</para>
/// <para>Retries: GET, HEAD and OPTIONS are reads (retried after 5xx, timeouts and dropped connections); other verbs
/// are writes, retried only on 429 unless <see cref="ProxyRequestOptions.RetryWrites"/> is set.</para>
/// </remarks>
public class ParagonProxyClient
{
    /// <summary>The header that asks Paragon for the provider's raw response.</summary>
    public const string RawResponseHeader = "X-Paragon-Use-Raw-Response";

    /// <summary>The header that carries a full-URL override.</summary>
    public const string ProxyUrlHeader = "X-Paragon-Proxy-Url";

    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Host", "Content-Length", "Transfer-Encoding", "Connection",
        "X-Paragon-Credential", RawResponseHeader, ProxyUrlHeader,
    };

    private readonly ClientCore _core = null!;
    private readonly ActionKitTokenProvider _tokenProvider = null!;

    /// <summary>For mocking.</summary>
    protected ParagonProxyClient()
    {
    }

    internal ParagonProxyClient(ClientCore core, ActionKitTokenProvider tokenProvider, string? credentialId)
    {
        _core = core;
        _tokenProvider = tokenProvider;
        CredentialId = credentialId;
    }

    /// <summary>The Proxy API endpoint (<c>https://proxy.useparagon.com</c> unless configured).</summary>
    public virtual Uri Endpoint => _core.ProxyEndpoint;

    /// <summary>The connected account calls act in by default, or null for the user's default account.</summary>
    public virtual string? CredentialId { get; }

    /// <summary>The integration name of a custom integration addressed by its id: <c>custom/{integrationId}</c>.</summary>
    /// <exception cref="ArgumentException">The id is blank or not an id.</exception>
    public static string CustomIntegration(string integrationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(integrationId);
        var name = ProxyPaths.CustomIdPrefix + integrationId;
        ProxyPaths.IntegrationSegment(name, nameof(integrationId));
        return name;
    }

    /// <summary>Sends a request with an optional JSON body (raw JSON text; null sends no body) and reads the enveloped response.</summary>
    /// <param name="method">Any HTTP verb.</param>
    /// <param name="integration">The integration: <c>slack</c>, <c>custom.tasklab</c>, or <c>custom/{integrationId}</c>.</param>
    /// <param name="path">The provider path (with an optional query), or a full <c>https://</c> URL.</param>
    /// <param name="body">The JSON body, sent as <c>application/json</c>; null for none.</param>
    /// <param name="options">Account, retrying writes, headers, full-URL form.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call (the provider's status and body are kept).</exception>
    public virtual Task<ClientResult<ProxyResponse>> SendAsync(HttpMethod method, string integration, string path, BinaryData? body = null, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendCoreAsync(method, integration, path, body, options, async: true, cancellationToken);

    /// <summary>Sends a request synchronously; see <see cref="SendAsync(HttpMethod, string, string, BinaryData?, ProxyRequestOptions?, CancellationToken)"/>.</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call.</exception>
    public virtual ClientResult<ProxyResponse> Send(HttpMethod method, string integration, string path, BinaryData? body = null, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendCoreAsync(method, integration, path, body, options, async: false, cancellationToken).GetAwaiter().GetResult();

    /// <summary>GET, synchronously.</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call.</exception>
    public virtual ClientResult<ProxyResponse> Get(string integration, string path, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Send(HttpMethod.Get, integration, path, null, options, cancellationToken);

    /// <summary>
    /// Raw mode, synchronously; see <see cref="SendRawAsync(HttpMethod, string, string, BinaryData?, ProxyRequestOptions?, CancellationToken)"/>.
    /// The body still streams. Dispose the result.
    /// </summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The provider or Paragon answered with an error status.</exception>
    public virtual ClientResult<ProxyRawResponse> SendRaw(HttpMethod method, string integration, string path, BinaryData? body = null, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendRawCoreAsync(method, integration, path, body, options, async: false, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Downloads in raw mode, synchronously; the body streams. Dispose the result.</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The provider or Paragon answered with an error status.</exception>
    public virtual ClientResult<ProxyRawResponse> Download(string integration, string path, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendRaw(HttpMethod.Get, integration, path, null, options, cancellationToken);

    /// <summary>Uploads a stream synchronously; see <see cref="UploadAsync"/>.</summary>
    /// <exception cref="ArgumentException">An argument is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call.</exception>
    public virtual ClientResult<ProxyResponse> Upload(string integration, string path, Stream content, string contentType, HttpMethod? method = null, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        UploadCoreAsync(integration, path, content, contentType, method, options, async: false, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Sends a request with a typed JSON body, serialized with <paramref name="bodyType"/> (AOT-safe), and reads the enveloped response.</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call.</exception>
    public virtual Task<ClientResult<ProxyResponse>> SendAsync<TBody>(HttpMethod method, string integration, string path, TBody body, JsonTypeInfo<TBody> bodyType, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(method, integration, path, Serialize(body, bodyType), options, cancellationToken);

    /// <summary>Sends a request with a typed JSON body and reads the unwrapped <c>output</c> as <typeparamref name="TResult"/> (AOT-safe).</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call, or the output did not fit <typeparamref name="TResult"/>.</exception>
    public virtual async Task<ClientResult<TResult?>> SendAsync<TBody, TResult>(HttpMethod method, string integration, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> resultType, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        var result = await SendAsync(method, integration, path, Serialize(body, bodyType), options, cancellationToken).ConfigureAwait(false);
        return Typed(result, resultType, method, integration, path);
    }

    /// <summary>GET: reads the enveloped response.</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call.</exception>
    public virtual Task<ClientResult<ProxyResponse>> GetAsync(string integration, string path, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, integration, path, null, options, cancellationToken);

    /// <summary>GET: reads the unwrapped <c>output</c> as <typeparamref name="TResult"/> (AOT-safe).</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call, or the output did not fit <typeparamref name="TResult"/>.</exception>
    public virtual async Task<ClientResult<TResult?>> GetAsync<TResult>(string integration, string path, JsonTypeInfo<TResult> resultType, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        var result = await SendAsync(HttpMethod.Get, integration, path, null, options, cancellationToken).ConfigureAwait(false);
        return Typed(result, resultType, HttpMethod.Get, integration, path);
    }

    /// <summary>POST with a raw JSON body (null for none).</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call.</exception>
    public virtual Task<ClientResult<ProxyResponse>> PostAsync(string integration, string path, BinaryData? body, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, integration, path, body, options, cancellationToken);

    /// <summary>POST with a typed JSON body (AOT-safe).</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call.</exception>
    public virtual Task<ClientResult<ProxyResponse>> PostAsync<TBody>(string integration, string path, TBody body, JsonTypeInfo<TBody> bodyType, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, integration, path, body, bodyType, options, cancellationToken);

    /// <summary>POST with a typed JSON body, reading the unwrapped <c>output</c> as <typeparamref name="TResult"/> (AOT-safe).</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call, or the output did not fit.</exception>
    public virtual Task<ClientResult<TResult?>> PostAsync<TBody, TResult>(string integration, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> resultType, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, integration, path, body, bodyType, resultType, options, cancellationToken);

    /// <summary>PUT with a raw JSON body (null for none).</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call.</exception>
    public virtual Task<ClientResult<ProxyResponse>> PutAsync(string integration, string path, BinaryData? body, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, integration, path, body, options, cancellationToken);

    /// <summary>PUT with a typed JSON body (AOT-safe).</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call.</exception>
    public virtual Task<ClientResult<ProxyResponse>> PutAsync<TBody>(string integration, string path, TBody body, JsonTypeInfo<TBody> bodyType, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, integration, path, body, bodyType, options, cancellationToken);

    /// <summary>PATCH with a raw JSON body (null for none).</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call.</exception>
    public virtual Task<ClientResult<ProxyResponse>> PatchAsync(string integration, string path, BinaryData? body, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, integration, path, body, options, cancellationToken);

    /// <summary>PATCH with a typed JSON body (AOT-safe).</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call.</exception>
    public virtual Task<ClientResult<ProxyResponse>> PatchAsync<TBody>(string integration, string path, TBody body, JsonTypeInfo<TBody> bodyType, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, integration, path, body, bodyType, options, cancellationToken);

    /// <summary>DELETE.</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call.</exception>
    public virtual Task<ClientResult<ProxyResponse>> DeleteAsync(string integration, string path, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, integration, path, null, options, cancellationToken);

    /// <summary>
    /// Sends a request in raw mode (<c>X-Paragon-Use-Raw-Response: 1</c>): the provider's status, headers and body come
    /// back unwrapped, the body as a stream that is not buffered (files, images, PDFs). Dispose the result.
    /// </summary>
    /// <param name="method">Any HTTP verb.</param>
    /// <param name="integration">The integration.</param>
    /// <param name="path">The provider path, or a full <c>https://</c> URL.</param>
    /// <param name="body">A JSON body, or null.</param>
    /// <param name="options">Account, retrying writes, headers, full-URL form.</param>
    /// <param name="cancellationToken">Cancels the call (and reading the body).</param>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The provider or Paragon answered with an error status (its body is buffered into the exception).</exception>
    public virtual Task<ClientResult<ProxyRawResponse>> SendRawAsync(HttpMethod method, string integration, string path, BinaryData? body = null, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendRawCoreAsync(method, integration, path, body, options, async: true, cancellationToken);

    /// <summary>Downloads in raw mode (a GET with <c>X-Paragon-Use-Raw-Response: 1</c>); the body streams. Dispose the result.</summary>
    /// <exception cref="ArgumentException">The integration, path, a header or the credential id is invalid; nothing was sent.</exception>
    /// <exception cref="ParagonApiException">The provider or Paragon answered with an error status.</exception>
    public virtual Task<ClientResult<ProxyRawResponse>> DownloadAsync(string integration, string path, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendRawAsync(HttpMethod.Get, integration, path, null, options, cancellationToken);

    /// <summary>
    /// Uploads a stream as the request body with its own media type (for files over ActionKit's body limit, which the
    /// Proxy API sends to the provider directly). The stream is sent as it is read, not buffered. A stream that cannot
    /// seek is never sent twice, not even after a 429; a seekable one is rewound for a retry.
    /// </summary>
    /// <param name="integration">The integration.</param>
    /// <param name="path">The provider's upload path, or a full <c>https://</c> URL (for example an upload host).</param>
    /// <param name="content">The body; read from its current position to its end. The caller keeps ownership.</param>
    /// <param name="contentType">The body's media type, for example <c>application/pdf</c>.</param>
    /// <param name="method">The verb (default POST).</param>
    /// <param name="options">Account, retrying writes, headers, full-URL form.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An argument is invalid (the content type included); nothing was sent.</exception>
    /// <exception cref="ParagonApiException">Paragon or the provider refused or failed the call.</exception>
    public virtual Task<ClientResult<ProxyResponse>> UploadAsync(string integration, string path, Stream content, string contentType, HttpMethod? method = null, ProxyRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        UploadCoreAsync(integration, path, content, contentType, method, options, async: true, cancellationToken);

    private async Task<ClientResult<ProxyResponse>> SendCoreAsync(HttpMethod method, string integration, string path, BinaryData? body, ProxyRequestOptions? options, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        var content = body is null ? null : BinaryContent.Create(body);
        var call = CreateCall(method, integration, path, content, "application/json", raw: false, canResend: true, options);
        var response = await ParagonApiSender.SendCoreAsync(_core, _tokenProvider, call, async, cancellationToken).ConfigureAwait(false);
        return ClientResult.FromValue(Read(response), response);
    }

    private async Task<ClientResult<ProxyRawResponse>> SendRawCoreAsync(HttpMethod method, string integration, string path, BinaryData? body, ProxyRequestOptions? options, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        var content = body is null ? null : BinaryContent.Create(body);
        var call = CreateCall(method, integration, path, content, "application/json", raw: true, canResend: true, options);
        var response = await ParagonApiSender.SendCoreAsync(_core, _tokenProvider, call, async, cancellationToken).ConfigureAwait(false);
        return ClientResult.FromValue(new ProxyRawResponse(response), response);
    }

    private async Task<ClientResult<ProxyResponse>> UploadCoreAsync(string integration, string path, Stream content, string contentType, HttpMethod? method, ProxyRequestOptions? options, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ParagonApiSender.CheckHeaderValue(contentType, nameof(contentType), "The content type");
        if (!content.CanRead)
        {
            throw new ArgumentException("The content stream cannot be read.", nameof(content));
        }

        var call = CreateCall(method ?? HttpMethod.Post, integration, path, new StreamUploadContent(content), contentType, raw: false, canResend: content.CanSeek, options);
        var response = await ParagonApiSender.SendCoreAsync(_core, _tokenProvider, call, async, cancellationToken).ConfigureAwait(false);
        return ClientResult.FromValue(Read(response), response);
    }

    private ParagonCall CreateCall(HttpMethod method, string integration, string path, BinaryContent? content, string contentType, bool raw, bool canResend, ProxyRequestOptions? options)
    {
        var segment = ProxyPaths.IntegrationSegment(integration!, nameof(integration));
        var relative = ProxyPaths.ProviderPath(path, out var fullUrl, nameof(path));

        var headers = new List<KeyValuePair<string, string>>();
        if (options is not null)
        {
            foreach (var header in options.Headers)
            {
                if (string.IsNullOrWhiteSpace(header.Key) || !IsToken(header.Key))
                {
                    throw new ArgumentException($"'{header.Key}' is not a valid header name.", nameof(options));
                }

                if (ReservedHeaders.Contains(header.Key) || header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"The header {header.Key} is set by the SDK; use the call's options or arguments instead.", nameof(options));
                }

                ArgumentNullException.ThrowIfNull(header.Value, nameof(options));
                ParagonApiSender.CheckHeaderValue(header.Value, nameof(options), $"The value of header {header.Key}");
                headers.Add(header);
            }
        }

        var credentialId = options?.CredentialId ?? CredentialId;
        if (credentialId is not null)
        {
            ParagonApiSender.CheckHeaderValue(credentialId, nameof(options), "The credential id");
        }

        Uri uri;
        string displayPath;
        if (fullUrl is not null && (options?.FullUrlForm ?? ProxyFullUrlForm.Header) == ProxyFullUrlForm.Header)
        {
            // Assumption (facts §3): with the header form nothing is appended to …/sdk/proxy/{integration}.
            uri = ProxyPaths.Build(_core.ProxyEndpoint, _core.ProjectId, segment, string.Empty);
            headers.Add(new(ProxyUrlHeader, relative));
            displayPath = $"{segment} → {fullUrl.GetLeftPart(UriPartial.Path)}";
        }
        else
        {
            uri = ProxyPaths.Build(_core.ProxyEndpoint, _core.ProjectId, segment, relative);
            displayPath = fullUrl is not null ? $"{segment} → {fullUrl.GetLeftPart(UriPartial.Path)}" : segment + "/" + StripQuery(relative);
        }

        if (raw)
        {
            // Assumption (facts §7): Paragon documents the value 1; its MCP server sends "true". 1 is what the docs show.
            headers.Add(new(RawResponseHeader, "1"));
        }

        var safety = method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options ? ActionSafety.Read : ActionSafety.Write;
        return new ParagonCall
        {
            Api = ParagonApi.Proxy,
            Method = method.Method,
            Uri = uri,
            Path = displayPath,
            Integration = integration,
            Safety = safety,
            RetryWrites = options?.RetryWrites,
            Streamed = raw,
            CanResendBody = canResend,
            CredentialId = credentialId,
            Headers = headers,
            Content = content,
            ContentType = contentType,
            Accept = raw ? "*/*" : "application/json",
        };
    }

    private static ProxyResponse Read(PipelineResponse response)
    {
        response.Headers.TryGetValue("Content-Type", out var contentType);
        return new ProxyResponse(response.Status, response.Content, contentType);
    }

    private static ClientResult<TResult?> Typed<TResult>(ClientResult<ProxyResponse> result, JsonTypeInfo<TResult> resultType, HttpMethod method, string integration, string path)
    {
        var response = result.GetRawResponse();
        try
        {
            return ClientResult.FromValue(result.Value.GetOutput(resultType), response);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            var call = new ParagonCall
            {
                Api = ParagonApi.Proxy,
                Method = method.Method,
                Uri = new Uri("about:blank"),
                Path = integration + "/" + StripQuery(path.TrimStart('/')),
                Integration = integration,
                Safety = ActionSafety.Read,
            };
            throw ParagonApiSender.InvalidResponse(response, call, ex);
        }
    }

    private static BinaryData Serialize<TBody>(TBody body, JsonTypeInfo<TBody> bodyType)
    {
        ArgumentNullException.ThrowIfNull(bodyType);
        return BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
    }

    private static string StripQuery(string path) => path.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? path[..q] : path;

    private static bool IsToken(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && "!#$%&'*+-.^_`|~".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
