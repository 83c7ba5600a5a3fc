using System;
using System.IO;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator;
using Xunit;

namespace ActionKit.Typed.EndToEnd.Tests.Infrastructure;

/// <summary>One emulator per test class, serving the bundled catalog plus the test schemas; state is reset per test.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public ActionKitEmulator Emulator { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var options = new ActionKitEmulatorOptions();
        options.SchemaDirectories.Add(Path.Combine(AppContext.BaseDirectory, "TestSchemas"));
        Emulator = await ActionKitEmulator.StartAsync(options);
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();

    /// <summary>A new client with its own pipeline, as another process would have.</summary>
    public ActionKitClient NewClient(int maxRetries = 3) => new(new ActionKitClientOptions
    {
        ProjectId = Emulator.ProjectId,
        SigningKey = Emulator.SigningKeyPem,
        UserId = "paging-user",
        MaxRetries = maxRetries,
    }.UseEndpoint(Emulator.BaseAddress));
}
