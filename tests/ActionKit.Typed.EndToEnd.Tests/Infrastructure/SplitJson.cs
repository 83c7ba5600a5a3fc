using System;
using System.Buffers;
using System.Text;

namespace ActionKit.Typed.EndToEnd.Tests.Infrastructure;

/// <summary>JSON as a two-segment <see cref="ReadOnlySequence{T}"/>, so a reader meets tokens split across segments.</summary>
public static class SplitJson
{
    public static ReadOnlySequence<byte> At(string json, int splitAt)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var last = new Segment(bytes.AsMemory(splitAt), splitAt, next: null);
        var first = new Segment(bytes.AsMemory(0, splitAt), 0, last);
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex, Segment? next)
        {
            Memory = memory;
            RunningIndex = runningIndex;
            Next = next;
        }
    }
}
