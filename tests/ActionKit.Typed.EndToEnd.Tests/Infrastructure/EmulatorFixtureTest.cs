using System;
using ActionKit.Typed.Emulator;
using Xunit;

namespace ActionKit.Typed.EndToEnd.Tests.Infrastructure;

/// <summary>A test class over its class's shared emulator, whose scripts, data sets and journal are reset after each test.</summary>
public abstract class EmulatorFixtureTest(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    protected EmulatorFixture Fixture { get; } = fixture;

    protected ActionKitEmulator Emulator => Fixture.Emulator;

    public void Dispose()
    {
        Emulator.Reset();
        GC.SuppressFinalize(this);
    }
}
