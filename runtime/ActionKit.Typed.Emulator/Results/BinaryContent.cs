using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed.Emulator.Results;

/// <summary>
/// A deterministic file body for byte-stream results (downloads): readable text lines derived from the call's
/// seed, written in chunks so clients see a real stream rather than one buffer.
/// </summary>
internal static class BinaryContent
{
    public const string DefaultContentType = "application/octet-stream";
    private const int ChunkSize = 4096;

    /// <summary>The body's bytes at <paramref name="offset"/>; every position has one fixed value per seed.</summary>
    public static void Fill(ulong seed, long offset, Span<byte> destination)
    {
        // A repeating 64-byte line: "emulator-file <seed hex> line <n>\n" padded with '.'.
        Span<byte> line = stackalloc byte[64];
        var lineNumber = -1L;
        for (var i = 0; i < destination.Length; i++)
        {
            var position = offset + i;
            var n = position / 64;
            if (n != lineNumber)
            {
                lineNumber = n;
                line.Fill((byte)'.');
                var text = string.Create(CultureInfo.InvariantCulture, $"emulator-file {seed:x16} line {n}");
                Encoding.ASCII.GetBytes(text, line);
                line[^1] = (byte)'\n';
            }

            destination[i] = line[(int)(position % 64)];
        }
    }

    /// <summary>The whole body, for tests and truncation faults.</summary>
    public static byte[] Create(ulong seed, long length)
    {
        var bytes = new byte[length];
        Fill(seed, 0, bytes);
        return bytes;
    }

    /// <summary>Streams <paramref name="length"/> bytes, flushing each chunk.</summary>
    public static async Task WriteAsync(ulong seed, long length, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkSize];
        for (long offset = 0; offset < length; offset += ChunkSize)
        {
            var count = (int)Math.Min(ChunkSize, length - offset);
            Fill(seed, offset, buffer.AsSpan(0, count));
            await destination.WriteAsync(buffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The media type: the <c>mimeType</c> parameter when the call gave one.</summary>
    public static string ContentType(JsonElement parameters) =>
        StringParameter(parameters, "mimeType") ?? StringParameter(parameters, "contentType") ?? DefaultContentType;

    /// <summary>The file name: a name parameter when the call gave one, else one made from the action and file id.</summary>
    public static string FileName(string action, JsonElement parameters)
    {
        foreach (var key in (ReadOnlySpan<string>)["fileName", "filename", "name", "title"])
        {
            if (StringParameter(parameters, key) is { Length: > 0 } name)
            {
                return name;
            }
        }

        var id = StringParameter(parameters, "fileId") ?? StringParameter(parameters, "id");
        return id is null ? $"{action.ToLowerInvariant()}.bin" : $"{id}.bin";
    }

    /// <summary>A <c>Content-Disposition</c> value with a quoted ASCII name and an RFC 5987 UTF-8 name.</summary>
    public static string ContentDisposition(string fileName)
    {
        var ascii = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            ascii.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_');
        }

        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }

    private static string? StringParameter(JsonElement parameters, string name) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
