using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ActionKit.Typed.Generator.Emit;

/// <summary>
/// A source text made of strings read in order, not joined: an integration file is the cached code of its actions, so
/// the compiler reads those strings as they are, with no copy of the whole file.
/// </summary>
internal sealed class PartsText : SourceText
{
    private readonly string[] _parts;

    // _starts[i] is where _parts[i] begins in the text.
    private readonly int[] _starts;
    private readonly int _length;

    public PartsText(IReadOnlyList<string> parts, Encoding encoding)
    {
        _parts = new string[parts.Count];
        _starts = new int[parts.Count];
        var position = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            _parts[i] = parts[i];
            _starts[i] = position;
            position += parts[i].Length;
        }

        _length = position;
        Encoding = encoding;
    }

    public override Encoding Encoding { get; }

    public override int Length => _length;

    public override char this[int position]
    {
        get
        {
            if (position < 0 || position >= _length)
            {
                throw new ArgumentOutOfRangeException(nameof(position));
            }

            var part = PartAt(position);
            return _parts[part][position - _starts[part]];
        }
    }

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        if (sourceIndex < 0 || count < 0 || sourceIndex > _length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceIndex));
        }

        if (count == 0)
        {
            return;
        }

        var part = PartAt(sourceIndex);
        var offset = sourceIndex - _starts[part];
        while (count > 0)
        {
            var text = _parts[part];
            var n = Math.Min(count, text.Length - offset);
            text.CopyTo(offset, destination, destinationIndex, n);
            destinationIndex += n;
            count -= n;
            part++;
            offset = 0;
        }
    }

    /// <summary>The last part starting at or before <paramref name="position"/> that is not empty there.</summary>
    private int PartAt(int position)
    {
        var index = Array.BinarySearch(_starts, position);
        if (index < 0)
        {
            index = ~index - 1;
        }

        // Parts are never empty, so equal starts do not occur; this guards the invariant anyway.
        while (index < _parts.Length - 1 && position - _starts[index] >= _parts[index].Length)
        {
            index++;
        }

        return index;
    }
}
