using System;
using System.IO;
using System.Threading.Tasks;

namespace ActionKit.Typed;

/// <summary>A byte-stream result, such as a downloaded file; the body is streamed, never buffered.</summary>
public sealed class ActionStreamResult : IDisposable, IAsyncDisposable
{
    /// <summary>Wraps a response body.</summary>
    public ActionStreamResult(Stream content, string? contentType, string? fileName = null, long? length = null)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        ContentType = contentType;
        FileName = fileName;
        Length = length;
    }

    /// <summary>The response body; read it once.</summary>
    public Stream Content { get; }

    /// <summary>The response's media type, when it gave one.</summary>
    public string? ContentType { get; }

    /// <summary>The file name from <c>Content-Disposition</c>, when it gave one.</summary>
    public string? FileName { get; }

    /// <summary>The body length from <c>Content-Length</c>, when it gave one.</summary>
    public long? Length { get; }

    /// <inheritdoc/>
    public void Dispose() => Content.Dispose();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
