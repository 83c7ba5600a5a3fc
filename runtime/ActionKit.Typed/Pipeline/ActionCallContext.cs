using System;
using System.ClientModel.Primitives;

namespace ActionKit.Typed;

/// <summary>
/// What the pipeline policies need to know about one call, carried on its <see cref="PipelineMessage"/>:
/// the token source, and the action's safety, which decides what may be sent twice.
/// </summary>
internal sealed class ActionCallContext
{
    public ActionCallContext(string actionName, string? integration, ActionSafety safety, bool retryWrites, ActionKitTokenProvider? tokenProvider)
    {
        ActionName = actionName;
        Integration = integration;
        Safety = safety;
        RetryWrites = retryWrites;
        TokenProvider = tokenProvider;
    }

    public string ActionName { get; }

    public string? Integration { get; }

    public ActionSafety Safety { get; }

    public bool RetryWrites { get; }

    /// <summary>The call's token source; null for messages the SDK did not create (their headers are left alone).</summary>
    public ActionKitTokenProvider? TokenProvider { get; }

    /// <summary>False when the request body is a stream that cannot be rewound: such a request is never sent twice.</summary>
    public bool CanResendBody { get; init; } = true;

    /// <summary>Whether a request that may have reached the server can be sent again.</summary>
    public bool MayResend => Safety == ActionSafety.Read || RetryWrites;

    /// <summary>Sends so far, the first included.</summary>
    public int Attempts { get; set; }

    /// <summary>Retries so far.</summary>
    public int RetryCount { get; set; }

    /// <summary>The delay the retry policy chose for the retry it just approved.</summary>
    public TimeSpan? NextDelay { get; set; }

    /// <summary>The last fault was not retried only because resending could repeat a write.</summary>
    public bool HeldBackWrite { get; set; }

    /// <summary>The message's context, creating one for a message the SDK did not create (safe methods read, others write).</summary>
    public static ActionCallContext GetOrAttach(PipelineMessage message)
    {
        if (Get(message) is { } context)
        {
            return context;
        }

        var method = message.Request.Method;
        var safety = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase)
            ? ActionSafety.Read
            : ActionSafety.Write;
        context = new ActionCallContext(method + " " + message.Request.Uri?.AbsolutePath, null, safety, retryWrites: false, tokenProvider: null);
        context.AttachTo(message);
        return context;
    }

    public static ActionCallContext? Get(PipelineMessage message) =>
        message.TryGetProperty(typeof(ActionCallContext), out var value) ? value as ActionCallContext : null;

    public void AttachTo(PipelineMessage message) => message.SetProperty(typeof(ActionCallContext), this);

    /// <summary>
    /// A message for this call that carries this context, whether its response is buffered, and the caller's
    /// cancellation token (through <see cref="RequestOptions"/>, allocated only when there is a token to carry).
    /// </summary>
    public PipelineMessage CreateMessage(ClientPipeline pipeline, bool streamed, System.Threading.CancellationToken cancellationToken)
    {
        var message = pipeline.CreateMessage();
        try
        {
            if (cancellationToken.CanBeCanceled)
            {
                message.Apply(new RequestOptions { CancellationToken = cancellationToken });
            }

            message.BufferResponse = !streamed;
            AttachTo(message);
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }
}
