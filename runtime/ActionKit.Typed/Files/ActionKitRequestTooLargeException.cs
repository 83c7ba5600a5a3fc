using System;
using System.Globalization;

namespace ActionKit.Typed;

/// <summary>
/// A request body (usually because of a hex-encoded file) is over ActionKit's body limit, so it was not sent.
/// Large files go through the Proxy API, which uploads to the provider directly.
/// </summary>
public sealed class ActionKitRequestTooLargeException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public ActionKitRequestTooLargeException(string message, long size, long limit, string? actionName = null, string? paramName = null)
        : base(message, paramName)
    {
        Size = size;
        Limit = limit;
        ActionName = actionName;
    }

    /// <summary>The size in bytes that was refused (a body, or a file before encoding).</summary>
    public long Size { get; }

    /// <summary>The limit in bytes.</summary>
    public long Limit { get; }

    /// <summary>The action whose request was refused, when known.</summary>
    public string? ActionName { get; }

    internal static ActionKitRequestTooLargeException ForBody(string actionName, long size, long limit) => new(
        $"The request body for {actionName} is {Megabytes(size)}, over ActionKit's {Megabytes(limit)} limit, so it was not sent. " +
        "Files are hex-encoded inside the body, which doubles their size: about " + Megabytes(limit / 2) + " of file data fits. " +
        "Upload larger files through the Proxy API (client.Proxy.UploadAsync, {proxy}/projects/{projectId}/sdk/proxy/{integration}/…), which streams them to the provider directly.",
        size,
        limit,
        actionName,
        "request");

    internal static ActionKitRequestTooLargeException ForFile(string? name, long limit) => new(
        $"The file {(name is null ? string.Empty : "'" + name + "' ")}is over {Megabytes(limit)}; hex-encoded it would not fit ActionKit's request body limit. " +
        "Upload larger files through the Proxy API (client.Proxy.UploadAsync, {proxy}/projects/{projectId}/sdk/proxy/{integration}/…), which streams them to the provider directly.",
        limit + 1,
        limit,
        null,
        "stream");

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.##", CultureInfo.InvariantCulture) + " MB";
}
