using System;
using System.Buffers;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>
/// A growable byte buffer that a <see cref="System.Text.Json.Utf8JsonWriter"/> writes into directly, emptied to be used
/// again. Writing to a stream instead copies every flush from the writer's own buffer into the stream's, and clears it.
/// </summary>
internal sealed class ByteBufferWriter : IBufferWriter<byte>
{
    private byte[] _buffer;

    public ByteBufferWriter(int capacity) => _buffer = new byte[capacity];

    /// <summary>The bytes written so far, at the start of <see cref="Buffer"/>.</summary>
    public int Length { get; private set; }

    public byte[] Buffer => _buffer;

    public int Capacity => _buffer.Length;

    public void Clear() => Length = 0;

    public void Advance(int count) => Length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(Length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(Length);
    }

    private void Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - Length < needed)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + needed));
        }
    }
}
