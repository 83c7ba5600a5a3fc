using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ActionKit.Typed.Benchmarks.Generated;
using ActionKit.Typed.Benchmarks.Support;
using BenchmarkDotNet.Attributes;

namespace ActionKit.Typed.Benchmarks.Runtime;

/// <summary>
/// Every item of a cursor-paginated action (ASANA_GET_PROJECTS, 100 items a page) from the emulator on loopback:
/// the SDK's <c>await foreach</c> over typed items against a hand-written loop over the same pages that reads each
/// item's gid and name (and, for context, the same loop deserializing into hand-written typed classes).
/// Budget: Ratio ≤ 1.05 at 1,000 pages; allocated bytes per page the same at 100 and 1,000 pages.
/// The emulator runs in its own process, seeded with <c>--paged-data</c>: in this process its Kestrel threads competed
/// with the client's for the thread pool, which made the client's time bimodal from one run to the next, and its
/// allocations mixed into the client's.
/// </summary>
// 15 iterations: a 1,000-page enumeration varies by ±15 % from one iteration to the next on two shared cores.
[Config(typeof(FastBenchConfig))]
public class PaginationBenchmarks
{
    private const int PageSize = 100;
    private const string Action = "ASANA_GET_PROJECTS";

    private EmulatorProcess _emulator = null!;
    private HttpClient _http = null!;
    private ActionKitClient _client = null!;
    private Uri _runUri = null!;
    private string _token = null!;

    [Params(100, 1000)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _emulator = EmulatorProcess.Start("--paged-data", $"{Action}=cursor:{Pages * PageSize}:{PageSize}");
        _token = ParagonUserToken.Create(_emulator.SigningKeyPem, "bench-user", new ParagonUserTokenOptions { Lifetime = TimeSpan.FromHours(4) });
        _runUri = new Uri(_emulator.BaseAddress, $"projects/{_emulator.ProjectId}/actions");
        _http = new HttpClient(new SocketsHttpHandler());
        _client = new ActionKitClient(new ActionKitClientOptions
        {
            ProjectId = _emulator.ProjectId,
            Token = _token,
            HttpClient = new HttpClient(new SocketsHttpHandler()),
        }.UseEndpoint(_emulator.BaseAddress));

        var expected = Pages * PageSize;
        if (HandWrittenLoop().GetAwaiter().GetResult() != expected
            || HandWrittenTypedLoop().GetAwaiter().GetResult() != expected
            || Sdk().GetAwaiter().GetResult() != expected)
        {
            throw new InvalidOperationException("The loops disagree with the data set.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _emulator.Dispose();
    }

    private HttpRequestMessage PageRequest(string? cursor)
    {
        var body = cursor is null
            ? """{"action":"ASANA_GET_PROJECTS","parameters":{}}"""
            : "{\"action\":\"ASANA_GET_PROJECTS\",\"parameters\":{\"paginationParameters\":{\"pageCursor\":\"" + JsonEncodedText.Encode(cursor) + "\"}}}";
        var request = new HttpRequestMessage(HttpMethod.Post, _runUri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return request;
    }

    [Benchmark(Baseline = true)]
    public async Task<int> HandWrittenLoop()
    {
        var count = 0;
        string? cursor = null;
        do
        {
            using var request = PageRequest(cursor);
            using var response = await _http.SendAsync(request).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var page = await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
            foreach (var item in page.RootElement.GetProperty("data").EnumerateArray())
            {
                if (item.GetProperty("gid").GetString() is not null && item.GetProperty("name").GetString() is not null)
                {
                    count++;
                }
            }

            cursor = page.RootElement.TryGetProperty("nextPageCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (!string.IsNullOrEmpty(cursor));

        return count;
    }

    /// <summary>The same loop deserializing each page into hand-written typed classes (context, not the budget's baseline).</summary>
    [Benchmark]
    public async Task<int> HandWrittenTypedLoop()
    {
        var count = 0;
        string? cursor = null;
        do
        {
            using var request = PageRequest(cursor);
            using var response = await _http.SendAsync(request).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var page = await JsonSerializer.DeserializeAsync(stream, HandWrittenProjectsContext.Default.HandWrittenProjectsPage).ConfigureAwait(false);
            foreach (var project in page!.Data!)
            {
                if (project.Gid is not null && project.Name is not null)
                {
                    count++;
                }
            }

            cursor = page.NextPageCursor;
        }
        while (!string.IsNullOrEmpty(cursor));

        return count;
    }

    [Benchmark]
    public async Task<int> Sdk()
    {
        var count = 0;
        await foreach (var project in _client.Asana().GetProjectsPagedAsync(new()).ConfigureAwait(false))
        {
            if (project.Gid is not null && project.Name is not null)
            {
                count++;
            }
        }

        return count;
    }
}
