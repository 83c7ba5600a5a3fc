using System;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator;
using Xunit;

namespace ActionKit.Typed.Tests.Loopback;

/// <summary>One local ActionKit on a loopback port per test class (starting Kestrel is the slow part), reset before each test.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private const string Catalog = """
        {
          "actions": {
            "slack": [
              { "type": "function", "function": { "name": "SLACK_SEND_MESSAGE", "description": "Send a message",
                "parameters": { "type": "object", "properties": { "channel": { "type": "string" }, "message": { "type": "string" } },
                                "required": ["channel", "message"], "additionalProperties": false } } },
              { "type": "function", "function": { "name": "SLACK_LIST_CHANNELS", "description": "List channels",
                "parameters": { "type": "object", "properties": {}, "required": [], "additionalProperties": false } } }
            ],
            "googledrive": [
              { "type": "function", "function": { "name": "GOOGLE_DRIVE_DOWNLOAD_FILE", "description": "Download a file",
                "parameters": { "type": "object", "properties": { "fileId": { "type": "string" } }, "required": ["fileId"], "additionalProperties": false } } },
              { "type": "function", "function": { "name": "GOOGLE_DRIVE_SAVE_FILE", "description": "Save a file",
                "parameters": { "type": "object", "properties": { "file": { "type": "object" } }, "required": ["file"], "additionalProperties": false } } }
            ]
          },
          "errors": []
        }
        """;


    private ActionKitEmulator? _emulator;

    public ActionKitEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    public async ValueTask InitializeAsync()
    {
        var options = new ActionKitEmulatorOptions { IncludeBundledCatalog = false, ProjectId = "proj-loopback" };
        options.SchemaDocuments.Add(Catalog);
        _emulator = await ActionKitEmulator.StartAsync(options, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}

/// <summary>Tests over real loopback HTTP; clients mint tokens with the emulator's signing key.</summary>
public abstract class EmulatorTestBase : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public const string UserId = "user-1";

    private readonly EmulatorFixture _fixture;

    protected EmulatorTestBase(EmulatorFixture fixture) => _fixture = fixture;

    protected ActionKitEmulator Emulator => _fixture.Emulator;

    protected RecordingTimeProvider Time { get; } = new() { AutoAdvance = true };

    public ValueTask InitializeAsync()
    {
        Emulator.Reset();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>A client for <see cref="UserId"/> over the default (socket) transport, minting tokens with the emulator's key.</summary>
    protected ActionKitClient CreateClient(Action<ActionKitClientOptions>? configure = null)
    {
        var options = new ActionKitClientOptions
        {
            ProjectId = Emulator.ProjectId,
            SigningKey = Emulator.SigningKeyPem,
            UserId = UserId,
            TimeProvider = Time,
        }.UseEndpoint(Emulator.BaseAddress);
        configure?.Invoke(options);
        return new ActionKitClient(options);
    }
}
