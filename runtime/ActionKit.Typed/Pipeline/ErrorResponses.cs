using System.ClientModel.Primitives;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed;

/// <summary>What runs and Proxy/Connect calls do with an error response before turning it into an exception.</summary>
internal static class ErrorResponses
{
    /// <summary>
    /// Buffers an error body that was being streamed, so the exception can keep it and the connection is freed.
    /// </summary>
    public static async ValueTask BufferAsync(PipelineMessage message, PipelineResponse response, bool async, CancellationToken cancellationToken)
    {
        if (message.BufferResponse)
        {
            return;
        }

        if (async)
        {
            await response.BufferContentAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            response.BufferContent(cancellationToken);
        }
    }
}
