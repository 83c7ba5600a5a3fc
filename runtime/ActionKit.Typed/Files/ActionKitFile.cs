using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;

namespace ActionKit.Typed;

/// <summary>
/// A file passed to an action input (Google Drive Save File, Gmail attachments …): ActionKit takes files inside the
/// JSON body as <c>{"name", "mimeType", "data": &lt;hex&gt;, "dataType": "FILE"}</c>. Hex doubles the size, so with
/// ActionKit's 10 MB body limit a file can be about 5 MB; larger files go through the Proxy API.
/// </summary>
public sealed class ActionKitFile
{
    /// <summary>ActionKit's documented request body limit (10 MB).</summary>
    public const long RequestBodyLimit = 10L * 1024 * 1024;

    /// <summary>The largest file that fits the body limit once hex-encoded (about 5 MB).</summary>
    public const long MaxFileSize = RequestBodyLimit / 2;

    private readonly ReadOnlyMemory<byte> _data;

    private ActionKitFile(ReadOnlyMemory<byte> data, string mimeType, string? name)
    {
        _data = data;
        MimeType = mimeType;
        Name = name;
    }

    /// <summary>The file name sent as <c>name</c>, or null to omit it.</summary>
    public string? Name { get; }

    /// <summary>The media type sent as <c>mimeType</c>.</summary>
    public string MimeType { get; }

    /// <summary>The file's bytes.</summary>
    public ReadOnlyMemory<byte> Data => _data;

    /// <summary>The file's size in bytes (before hex encoding).</summary>
    public long Length => _data.Length;

    /// <summary>A file from bytes in memory.</summary>
    /// <exception cref="ArgumentException">The media type is blank.</exception>
    public static ActionKitFile FromBytes(ReadOnlyMemory<byte> data, string mimeType, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        return new ActionKitFile(data, mimeType, name);
    }

    /// <summary>A file read from a stream (to its end).</summary>
    /// <param name="stream">The content.</param>
    /// <param name="mimeType">The media type.</param>
    /// <param name="name">The file name, or null.</param>
    /// <param name="maxLength">Stops reading and fails past this many bytes; defaults to <see cref="MaxFileSize"/>, as a larger file cannot be sent through ActionKit.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ActionKitRequestTooLargeException">The stream is longer than <paramref name="maxLength"/>.</exception>
    public static async Task<ActionKitFile> FromStreamAsync(Stream stream, string mimeType, string? name = null, long maxLength = MaxFileSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);

        var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Min(Math.Max(stream.Length - stream.Position, 0), maxLength) : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxLength)
                {
                    throw ActionKitRequestTooLargeException.ForFile(name, maxLength);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ActionKitFile(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), mimeType, name);
    }

    /// <summary>A file read from disk; the media type defaults to <c>application/octet-stream</c> and the name to the file's name.</summary>
    public static async Task<ActionKitFile> FromFileAsync(string path, string? mimeType = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await FromStreamAsync(stream, mimeType ?? "application/octet-stream", Path.GetFileName(path), MaxFileSize, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the File object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (Name is not null)
        {
            writer.WriteString("name"u8, Name);
        }

        writer.WriteString("mimeType"u8, MimeType);
        writer.WriteString("data"u8, Convert.ToHexStringLower(_data.Span));
        writer.WriteString("dataType"u8, "FILE"u8);
        writer.WriteEndObject();
    }

    /// <summary>The File object as a JSON value, for free-form <c>JsonElement</c> inputs of generated requests.</summary>
    public JsonElement ToJsonElement()
    {
        var output = new ArrayBufferWriter<byte>(checked((int)(_data.Length * 2) + 128));
        using (var writer = new Utf8JsonWriter(output))
        {
            WriteTo(writer);
        }

        using var document = JsonDocument.Parse(output.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>The File object as a JSON value (see <see cref="ToJsonElement"/>).</summary>
    public static implicit operator JsonElement(ActionKitFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.ToJsonElement();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name ?? "(unnamed)"} ({MimeType}, {Length} bytes)";
}
