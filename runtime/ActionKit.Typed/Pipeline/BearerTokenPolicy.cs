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
    // Lower case on purpose: sent through System.ClientModel's HttpClient transport, a header named exactly
    // "Authorization" allocates about 2 KB more per request than the same header in lower case (measured over loopback).
    // HTTP header names are case-insensitive, and HTTP/2 sends them in lower case anyway.
    private const string HeaderName = "authorization";

    // The last token and its header value: most calls reuse the token of the call before, so "Bearer " + token is built once.
    private BearerValue? _last;

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

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        var provider = ActionCallContext.Get(message)?.TokenProvider;
        if (provider is null)
        {
            return ProcessNextAsync(message, pipeline, currentIndex);
        }

        // A token that is ready (static, cached or already minted) needs no async frame.
        var pending = provider.GetTokenAsync(message.CancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            Apply(message, pending.Result);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }

        return WaitForTokenAsync(pending, message, pipeline, currentIndex);
    }

    private async ValueTask WaitForTokenAsync(ValueTask<string> pending, PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message, await pending.ConfigureAwait(false));
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
    }

    private void Apply(PipelineMessage message, string? token)
    {
        var last = _last;
        if (last is null || !ReferenceEquals(last.Token, token) && !string.Equals(last.Token, token, StringComparison.Ordinal))
        {
            last = new BearerValue(Check(token));
            _last = last;
        }

        message.Request.Headers.Set(HeaderName, last.HeaderValue);
    }

    private static string Check(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidOperationException("The token provider returned no Paragon user token.");
        }

        if (token.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new InvalidOperationException("The Paragon user token contains a line break; it cannot be sent as a header.");
        }

        return token;
    }

    private sealed class BearerValue(string token)
    {
        public string Token { get; } = token;

        public string HeaderValue { get; } = "Bearer " + token;
    }
}
