using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator.Errors;

namespace ActionKit.Typed.Emulator.Endpoints;

/// <summary>
/// What an endpoint answers, before it is written: faults such as truncation act on it, so endpoints never
/// need to know about them.
/// </summary>
internal sealed class EmulatorResponse
{
    public const string JsonContentType = "application/json; charset=utf-8";

    private EmulatorResponse(int status, string contentType, ReadOnlyMemory<byte> body, Func<Stream, CancellationToken, Task>? stream, long? length)
    {
        Status = status;
        ContentType = contentType;
        Body = body;
        StreamBody = stream;
        Length = length;
    }

    public int Status { get; }

    public string ContentType { get; }

    /// <summary>A buffered body (used when <see cref="StreamBody"/> is null).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>A body written straight to the response stream, for byte-stream results.</summary>
    public Func<Stream, CancellationToken, Task>? StreamBody { get; }

    /// <summary>The streamed body's length, when known.</summary>
    public long? Length { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public static EmulatorResponse Json(int status, ReadOnlyMemory<byte> body) => new(status, JsonContentType, body, null, null);

    public static EmulatorResponse Bytes(int status, string contentType, ReadOnlyMemory<byte> body) => new(status, contentType, body, null, null);

    public static EmulatorResponse Stream(string contentType, long? length, Func<Stream, CancellationToken, Task> write) => new(200, contentType, default, write, length);

    public static EmulatorResponse Error(int status, string code, string message, string requestId, bool integrationError = false) =>
        Json(status, ErrorEnvelope.Create(status, code, message, requestId, integrationError));

    public EmulatorResponse WithHeader(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }
}
