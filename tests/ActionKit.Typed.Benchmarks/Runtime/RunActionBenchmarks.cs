using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using ActionKit.Typed.Benchmarks.Generated;
using ActionKit.Typed.Benchmarks.Support;
using BenchmarkDotNet.Attributes;

namespace ActionKit.Typed.Benchmarks.Runtime;

/// <summary>
/// One SLACK_SEND_MESSAGE run: the SDK's typed call (<c>client.RunAsync(new SlackSendMessageRequest { … })</c>, the
/// generated request and result) against the hand-written HttpClient + Utf8JsonWriter call (the baseline), over
/// (a) an in-memory handler — the pipeline's own cost — and (b) the emulator on loopback in its own process.
/// Budget on (b): Ratio ≤ 1.10 and Alloc Ratio ≤ 1.5.
/// </summary>
[Config(typeof(RuntimeBenchConfig))]
public class RunActionBenchmarks
{
    public const string InMemory = "in-memory";
    public const string Loopback = "loopback";

    private HttpClient _baselineHttp = null!;
    private HttpClient _sdkHttp = null!;
    private ActionKitClient _client = null!;
    private Uri _runUri = null!;
    private string _token = null!;
    private EmulatorProcess? _emulator;

    [Params(InMemory, Loopback)]
    public string Transport { get; set; } = InMemory;

    [GlobalSetup]
    public void Setup()
    {
        string projectId;
        Uri endpoint;
        if (Transport == Loopback)
        {
            _emulator = EmulatorProcess.Start();
            projectId = _emulator.ProjectId;
            endpoint = _emulator.BaseAddress;
            _token = ParagonUserToken.Create(_emulator.SigningKeyPem, "bench-user");

            // One connection pool each, as two separate applications would have.
            _baselineHttp = new HttpClient(new SocketsHttpHandler());
            _sdkHttp = new HttpClient(new SocketsHttpHandler());
        }
        else
        {
            projectId = "11111111-2222-3333-4444-555555555555";
            endpoint = new Uri("https://actionkit.bench.invalid/");
            _token = "bench-token";
            var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Runtime", "slack-send-message.result.json"));
            _baselineHttp = new HttpClient(new CannedResponseHandler(body));
            _sdkHttp = new HttpClient(new CannedResponseHandler(body));
        }

        _runUri = new Uri(endpoint, $"projects/{projectId}/actions");
        _client = new ActionKitClient(new ActionKitClientOptions
        {
            ProjectId = projectId,
            Token = _token,
            ActionKitEndpoint = endpoint,
            HttpClient = _sdkHttp,
        });

        // Both sides must succeed and agree before anything is measured (this also opens each side's connection).
        var baseline = HandWritten().GetAwaiter().GetResult();
        var sdk = Sdk().GetAwaiter().GetResult();
        if (!baseline.Ok || sdk.Ok != true || baseline.Channel != sdk.Channel || baseline.Ts != sdk.Ts || baseline.Text != sdk.Message?.Text)
        {
            throw new InvalidOperationException($"The two calls disagree: {baseline} vs {sdk}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _baselineHttp.Dispose();
        _sdkHttp.Dispose();
        _emulator?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<SendMessageResult> HandWritten() =>
        HandWrittenSendMessage.RunAsync(_baselineHttp, _runUri, _token, "C1", "hi");

    [Benchmark]
    public async Task<SlackSendMessageResult> Sdk()
    {
        var result = await _client.RunAsync(new SlackSendMessageRequest { Channel = "C1", Message = "hi" }).ConfigureAwait(false);
        return result.Value;
    }
}
