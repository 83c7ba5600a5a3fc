using System;
using System.Buffers;
using System.ClientModel;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed;

/// <summary>
/// A request body written with <see cref="Utf8JsonWriter"/> straight into an <see cref="ArrayPool{T}"/> buffer and sent
/// from it, as often as the retry policy needs; disposing returns the buffer. Each run writes one, so neither the bytes
/// nor the writer are allocated per call.
/// </summary>
internal sealed class PooledJsonContent : BinaryContent, IBufferWriter<byte>
{
    private const int InitialSize = 1024;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _written;

    public int Length => _written;

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledJsonContent));

    /// <summary>Writes a body with a writer reused per thread (a nested write on the same thread gets its own).</summary>
    public static PooledJsonContent Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var content = new PooledJsonContent();
        var writer = t_writer;
        t_writer = null;
        try
        {
            if (writer is null)
            {
                writer = new Utf8JsonWriter(content);
            }
            else
            {
                writer.Reset(content);
            }

            write(writer, state);
            writer.Flush();
            writer.Reset();
            t_writer = writer;
            return content;
        }
        catch
        {
            content.Dispose();
            throw;
        }
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_written + count > Buffer.Length)
        {
            throw new InvalidOperationException("Advanced past the end of the buffer.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint).AsMemory(_written);

    public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint).AsSpan(_written);

    public override bool TryComputeLength(out long length)
    {
        length = _written;
        return true;
    }

    public override void WriteTo(Stream stream, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        stream.Write(Buffer, 0, _written);
    }

    public override Task WriteToAsync(Stream stream, CancellationToken cancellationToken = default) =>
        stream.WriteAsync(Buffer, 0, _written, cancellationToken);

    public override void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private byte[] Ensure(int sizeHint)
    {
        var buffer = Buffer;
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= buffer.Length)
        {
            return buffer;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        _buffer = larger;
        return larger;
    }
}
