using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace ActionKit.Typed;

/// <summary>
/// A Proxy API response in raw mode (<c>X-Paragon-Use-Raw-Response</c>): the provider's status, headers and body,
/// the body as an unbuffered stream (a file download never sits in memory). Dispose it to release the connection.
/// </summary>
public class ProxyRawResponse : IDisposable, IAsyncDisposable
{
    private readonly PipelineResponse? _response;

    /// <summary>Wraps a pipeline response; the body is read from its content stream.</summary>
    internal ProxyRawResponse(PipelineResponse response)
    {
        _response = response;
        Status = response.Status;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value;
        }

        Headers = headers;
        Content = response.ContentStream ?? new MemoryStream(response.Content.ToArray(), writable: false);
    }

    /// <summary>For tests and mocks: a raw response from parts.</summary>
    public ProxyRawResponse(int status, IReadOnlyDictionary<string, string> headers, Stream content)
    {
        Status = status;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        Content = content ?? throw new ArgumentNullException(nameof(content));
    }

    /// <summary>The provider's HTTP status.</summary>
    public int Status { get; }

    /// <summary>The response headers (the provider's, as Paragon passed them on; names are case-insensitive, repeated values joined with a comma).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body, streamed from the connection; read it once.</summary>
    public Stream Content { get; }

    /// <summary>The body's media type (<c>Content-Type</c>), when given.</summary>
    public string? ContentType => Header("Content-Type");

    /// <summary>The body's length (<c>Content-Length</c>), when given.</summary>
    public long? ContentLength =>
        Header("Content-Length") is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null;

    /// <summary>The pipeline response this wraps, when it came from the SDK.</summary>
    public PipelineResponse? GetRawResponse() => _response;

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the body and the connection.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Content.Dispose();
            _response?.Dispose();
        }
    }
}
