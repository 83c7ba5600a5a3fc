using System;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text;

namespace ActionKit.Typed;

/// <summary>Builds <see cref="ActionKitException"/>s; messages are made from the response and the action only, never from request headers.</summary>
internal static class ActionKitExceptionFactory
{
    private const int SnippetLength = 300;

    public static ActionKitException FromErrorResponse(PipelineResponse response, string actionName, string? integration, int retryCount, TimeProvider timeProvider)
    {
        BinaryData? body = response.Content;
        var error = ErrorBody.Parse(body);
        var kind = Classify(response.Status, error.Message, body);

        var retryAfter = RetryAfterHeader.Read(response, timeProvider);
        return new ActionKitException(Describe(response, actionName, error, body, kind, retryCount), kind, response)
        {
            Code = error.Code,
            ErrorMessage = error.Message,
            ErrorDetails = error.Details,
            RequestId = error.RequestId,
            ActionName = actionName,
            Integration = integration,
            RawBody = body,
            RetryAfter = retryAfter,
            RetryCount = retryCount,
        };
    }

    /// <summary>The message of an error response: what failed, status, kind, code, the server's message, request id and retries.</summary>
    internal static string Describe(PipelineResponse response, string label, ErrorBody error, BinaryData? body, ActionKitErrorKind kind, int retryCount)
    {
        var text = new StringBuilder();
        text.Append(label).Append(" failed: HTTP ").Append(response.Status.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(response.ReasonPhrase))
        {
            text.Append(' ').Append(response.ReasonPhrase);
        }

        text.Append(" (").Append(kind).Append(')');
        if (error.Code is not null)
        {
            text.Append(", code ").Append(error.Code);
        }

        if (error.Message is not null)
        {
            text.Append(": ").Append(error.Message);
            if (error.Details is { } details)
            {
                text.Append(' ').Append(Snippet(details.GetRawText()));
            }
        }
        else if (body is not null && !body.IsEmpty)
        {
            text.Append(": ").Append(Snippet(body.ToString()));
        }
        else
        {
            text.Append(": the response body was empty");
        }

        if (error.RequestId is not null)
        {
            text.Append(" (request id ").Append(error.RequestId).Append(')');
        }

        if (kind == ActionKitErrorKind.NotConnected)
        {
            text.Append(". The user has not connected this integration; send them through the Connect Portal first.");
        }

        if (retryCount > 0)
        {
            text.Append(" (after ").Append(retryCount.ToString(CultureInfo.InvariantCulture)).Append(retryCount == 1 ? " retry)" : " retries)");
        }

        return text.ToString();
    }

    public static ActionKitException InvalidResponse(PipelineResponse response, string actionName, string? integration, int retryCount, Exception inner, string reason)
    {
        BinaryData? body = response.Content;
        var message = $"{actionName} returned HTTP {response.Status.ToString(CultureInfo.InvariantCulture)} but its body could not be read as the result: {reason}";
        return new ActionKitException(message, ActionKitErrorKind.InvalidResponse, response, inner)
        {
            ActionName = actionName,
            Integration = integration,
            RawBody = body,
            RetryCount = retryCount,
        };
    }

    public static ActionKitException Transport(string actionName, string? integration, bool heldBackWrite, int retryCount, Exception inner)
    {
        var message = new StringBuilder();
        message.Append(actionName).Append(" failed: the connection to ActionKit failed before a response arrived (").Append(Describe(inner)).Append(").");
        if (heldBackWrite)
        {
            message.Append(" It was not sent again because it is a write action and may already have taken effect; pass ActionRunOptions.RetryWrites to opt in.");
        }
        else if (retryCount > 0)
        {
            message.Append(" Gave up after ").Append(retryCount.ToString(CultureInfo.InvariantCulture)).Append(retryCount == 1 ? " retry." : " retries.");
        }

        return new ActionKitException(message.ToString(), ActionKitErrorKind.Transport, null, inner)
        {
            ActionName = actionName,
            Integration = integration,
            RetryCount = retryCount,
        };
    }

    public static ActionKitException Timeout(string actionName, string? integration, bool heldBackWrite, int retryCount, TimeSpan? timeout, Exception inner)
    {
        var message = new StringBuilder();
        message.Append(actionName).Append(" failed: no response arrived within the network timeout");
        if (timeout is { } t)
        {
            message.Append(" of ").Append(t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)).Append(" s");
        }

        message.Append('.');
        if (heldBackWrite)
        {
            message.Append(" It was not sent again because it is a write action and may already have taken effect.");
        }

        return new ActionKitException(message.ToString(), ActionKitErrorKind.Timeout, null, inner)
        {
            ActionName = actionName,
            Integration = integration,
            RetryCount = retryCount,
        };
    }

    internal static ActionKitErrorKind Classify(int status, string? message, BinaryData? body)
    {
        if (ErrorBody.IsNotConnected(message, body))
        {
            return ActionKitErrorKind.NotConnected;
        }

        return status switch
        {
            401 or 403 => ActionKitErrorKind.Unauthorized,
            429 => ActionKitErrorKind.RateLimited,
            400 or 422 => ActionKitErrorKind.Validation,
            404 => ActionKitErrorKind.NotFound,
            >= 500 and < 600 => ActionKitErrorKind.Server,
            _ => ActionKitErrorKind.Unknown,
        };
    }

    private static string Describe(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }

        return innermost.Message;
    }

    internal static string Snippet(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= SnippetLength ? oneLine : string.Concat(oneLine.AsSpan(0, SnippetLength), "…");
    }
}
