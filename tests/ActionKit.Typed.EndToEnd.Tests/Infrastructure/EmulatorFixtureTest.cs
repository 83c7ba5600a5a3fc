using System;
using System.Threading;
using ActionKit.Typed.Emulator;
using Xunit;

namespace ActionKit.Typed.EndToEnd.Tests.Infrastructure;

/// <summary>A test class over its class's shared emulator, whose scripts, data sets and journal are reset after each test.</summary>
public abstract class EmulatorFixtureTest(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    protected EmulatorFixture Fixture { get; } = fixture;

    protected ActionKitEmulator Emulator => Fixture.Emulator;

    /// <summary>The running test's token: cancelled when the test run is aborted or times out.</summary>
    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Emulator.Reset();
        GC.SuppressFinalize(this);
    }
}
