using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace ActionKit.Typed;

/// <summary>
/// Sets <c>Authorization: Bearer</c> on every attempt from the call's token provider, so a retried request
/// carries a fresh token. One pipeline serves many users: the provider travels on the message.
/// </summary>
internal sealed class BearerTokenPolicy : PipelinePolicy
{
    public static BearerTokenPolicy Instance { get; } = new();

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        var provider = ActionCallContext.Get(message)?.TokenProvider;
        if (provider is not null)
        {
            var pending = provider.GetTokenAsync(message.CancellationToken);
            Apply(message, pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult());
        }

        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        var provider = ActionCallContext.Get(message)?.TokenProvider;
        if (provider is not null)
        {
            Apply(message, await provider.GetTokenAsync(message.CancellationToken).ConfigureAwait(false));
        }

        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
    }

    private static void Apply(PipelineMessage message, string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidOperationException("The token provider returned no Paragon user token.");
        }

        if (token.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new InvalidOperationException("The Paragon user token contains a line break; it cannot be sent as a header.");
        }

        message.Request.Headers.Set("Authorization", "Bearer " + token);
    }
}
