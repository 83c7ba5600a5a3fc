using System;
using System.ClientModel;

namespace ActionKit.Typed;

/// <summary>
/// An enumeration of pages stopped. <see cref="ContinuationToken"/> points at the page that was not delivered,
/// so the caller can resume after fixing the cause (or after a transient failure) without a gap or a duplicate.
/// </summary>
public sealed class ActionKitPaginationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActionKitPaginationException(string message, string actionName, PaginationFailure failure, ContinuationToken? continuationToken, BinaryData? rawPage = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ActionName = actionName;
        Failure = failure;
        ContinuationToken = continuationToken;
        RawPage = rawPage;
    }

    /// <summary>The paginated action.</summary>
    public string ActionName { get; }

    /// <summary>Why the enumeration stopped.</summary>
    public PaginationFailure Failure { get; }

    /// <summary>Where to resume: the page that was not delivered. Null when resuming cannot help.</summary>
    public ContinuationToken? ContinuationToken { get; }

    /// <summary>The page that caused the stop, as received, when there was one.</summary>
    public BinaryData? RawPage { get; }
}
