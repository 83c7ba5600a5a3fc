using System;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator;
using Xunit;

namespace ActionKit.Typed.Tests.ProxyConnect;

/// <summary>One emulator per test class (tests of a class run one at a time; each test resets it).</summary>
public sealed class ProxyConnectFixture : IAsyncLifetime
{
    public const string UserId = "user-1";

    /// <summary>The project's integrations come from its catalog: one action each is enough.</summary>
    private const string Catalog = """
        {
          "actions": {
            "slack": [{ "type": "function", "function": { "name": "SLACK_LIST_CHANNELS", "description": "List channels", "parameters": { "type": "object", "properties": {} } } }],
            "googledrive": [{ "type": "function", "function": { "name": "GOOGLE_DRIVE_LIST_FILES", "description": "List files", "parameters": { "type": "object", "properties": {} } } }],
            "hubspot": [{ "type": "function", "function": { "name": "HUBSPOT_GET_RECORDS_ANY", "description": "Get records", "parameters": { "type": "object", "properties": {} } } }]
          },
          "errors": []
        }
        """;

    private ActionKitEmulator? _emulator;

    public ActionKitEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    public string Token { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var options = new ActionKitEmulatorOptions { IncludeBundledCatalog = false };
        options.SchemaDocuments.Add(Catalog);
        _emulator = await ActionKitEmulator.StartAsync(options);
        Token = _emulator.CreateUserToken(UserId);
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>A client whose ActionKit, Proxy and Connect endpoints are all the emulator.</summary>
    public ActionKitClient CreateClient(Action<ActionKitClientOptions>? configure = null)
    {
        var options = new ActionKitClientOptions
        {
            ProjectId = Emulator.ProjectId,
            Token = Token,
            TimeProvider = new RecordingTimeProvider { AutoAdvance = true },
        };
        options.UseEndpoint(Emulator.BaseAddress);
        configure?.Invoke(options);
        return new ActionKitClient(options);
    }

    /// <summary>The wire path of a proxy call, as the emulator journals it.</summary>
    public string ProxyPath(string rest) => $"/projects/{Emulator.ProjectId}/sdk/proxy/{rest}";

    public string ConnectPath(string rest) => $"/projects/{Emulator.ProjectId}/sdk/{rest}";
}
