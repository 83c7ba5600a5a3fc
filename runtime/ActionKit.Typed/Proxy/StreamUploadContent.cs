using System;
using System.ClientModel;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed;

/// <summary>
/// A request body read from a caller's stream as it is sent (never buffered). A seekable stream is rewound to where
/// it started before each send, so a retry sends the same bytes; the caller keeps ownership of the stream.
/// </summary>
internal sealed class StreamUploadContent : BinaryContent
{
    private const int BufferSize = 81920;

    private readonly Stream _stream;
    private readonly long _origin;

    public StreamUploadContent(Stream stream)
    {
        _stream = stream;
        _origin = stream.CanSeek ? stream.Position : 0;
    }

    public override bool TryComputeLength(out long length)
    {
        if (_stream.CanSeek)
        {
            length = _stream.Length - _origin;
            return true;
        }

        length = 0;
        return false;
    }

    public override void WriteTo(Stream stream, CancellationToken cancellationToken = default)
    {
        Rewind();
        _stream.CopyTo(stream, BufferSize);
    }

    public override async Task WriteToAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        Rewind();
        await _stream.CopyToAsync(stream, BufferSize, cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        // The caller owns the stream.
    }

    private void Rewind()
    {
        if (_stream.CanSeek)
        {
            _stream.Position = _origin;
        }
    }
}
