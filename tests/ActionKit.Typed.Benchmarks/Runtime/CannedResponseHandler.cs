using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed.Benchmarks.Runtime;

/// <summary>
/// An in-memory ActionKit: drains the request body (as a transport would serialize it) and answers 200 with a fixed
/// JSON result. What remains in a run over it is the client's own cost.
/// </summary>
public sealed class CannedResponseHandler : HttpMessageHandler
{
    private readonly byte[] _body;

    public CannedResponseHandler(byte[] body) => _body = body;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
