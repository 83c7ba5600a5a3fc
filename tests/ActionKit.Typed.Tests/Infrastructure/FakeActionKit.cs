using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed.Tests;

/// <summary>An in-memory ActionKit: records every request and answers from a script (default: 200 with <c>{"ok":true}</c>).</summary>
public sealed class FakeActionKit : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly SemaphoreSlim _received = new(0);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public FakeActionKit Then(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _script.Enqueue(respond);
        return this;
    }

    public FakeActionKit Then(HttpStatusCode status, string body, string contentType = "application/json", Action<HttpResponseMessage>? configure = null) =>
        Then((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            configure?.Invoke(response);
            return Task.FromResult(response);
        });

    public FakeActionKit ThenDrop() => Then((_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

    public async Task WaitForRequestsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Requests.Count < count)
        {
            await _received.WaitAsync(timeout.Token);
        }
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = new RecordedRequest(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken));
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        _received.Release();
        if (_script.TryDequeue(out var respond))
        {
            return await respond(recorded, cancellationToken);
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"ok\":true}", Encoding.UTF8, "application/json") };
    }
}

public sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
