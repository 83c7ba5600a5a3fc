using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Tests;

/// <summary>Starts an emulator on loopback and talks to it with a plain <see cref="HttpClient"/>.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    private ActionKitEmulator? _emulator;
    private HttpClient? _http;

    protected ActionKitEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    protected HttpClient Http => _http ?? throw new InvalidOperationException("Not started.");

    protected string ActionsPath => $"projects/{Emulator.ProjectId}/actions";

    protected string ToolsPath => $"projects/{Emulator.ProjectId}/tools";

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => await StartAsync(TestCatalog.Options());

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Replaces the running emulator with one started from <paramref name="options"/>.</summary>
    protected async Task StartAsync(ActionKitEmulatorOptions options)
    {
        _http?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        _emulator = await ActionKitEmulator.StartAsync(options, Ct);
        _http = new HttpClient { BaseAddress = _emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (options.SigningKeyPem is not null || options.PublicKeyPem is null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Token(_emulator.SigningKeyPem));
        }
    }

    protected static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    protected Task<HttpResponseMessage> RunAsync(string action, string parametersJson = "{}", string? credential = null, string? path = null, string key = "action")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path ?? ActionsPath)
        {
            Content = JsonBody($$"""{"{{key}}": "{{action}}", "parameters": {{parametersJson}}}"""),
        };
        if (credential is not null)
        {
            request.Headers.Add("X-Paragon-Credential", credential);
        }

        return Http.SendAsync(request, Ct);
    }

    protected static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Checks the documented error body and returns its message.</summary>
    protected static async Task<string> ReadErrorAsync(HttpResponseMessage response, int status, string code)
    {
        ((int)response.StatusCode).ShouldBe(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        var body = await ReadJsonAsync(response);
        body.GetProperty("status").GetInt32().ShouldBe(status);
        body.GetProperty("code").ValueKind.ShouldBe(JsonValueKind.String);
        body.GetProperty("code").GetString().ShouldBe(code);
        Guid.TryParse(body.GetProperty("meta").GetProperty("requestId").GetString(), out _).ShouldBeTrue();
        return body.GetProperty("message").GetString()!;
    }
}
