using System;
using System.Threading.Tasks;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.ProxyConnect;

/// <summary>Runs alone, so the process-wide allocation counter sees only this download.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

[Collection(nameof(MemoryMeasurement))]
public sealed class RawDownloadMemoryTests : IClassFixture<ProxyConnectFixture>
{
    private const long FileSize = 50L * 1024 * 1024;
    private const long Budget = 5L * 1024 * 1024;

    private readonly ProxyConnectFixture _fixture;

    public RawDownloadMemoryTests(ProxyConnectFixture fixture)
    {
        _fixture = fixture;
        fixture.Emulator.Reset();
    }

    [Fact]
    public async Task A_50_MB_raw_download_streams_with_under_5_MB_of_managed_allocation()
    {
        var client = _fixture.CreateClient();

        // Warm up the connection, JIT and pools with a small download, so the measurement is of the steady state.
        using (var warm = (await client.Proxy.DownloadAsync("googledrive", "files/65536", cancellationToken: TestContext.Current.CancellationToken)).Value)
        {
            (await ProxyWireTests.CountPatternBytesAsync(warm.Content)).ShouldBe(65536);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        long received;
        using (var download = (await client.Proxy.DownloadAsync("googledrive", $"drive/v3/files/{FileSize}", cancellationToken: TestContext.Current.CancellationToken)).Value)
        {
            download.ContentLength.ShouldBe(FileSize);
            received = await ProxyWireTests.CountPatternBytesAsync(download.Content);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var heapGrowth = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        TestContext.Current.SendDiagnosticMessage($"50 MB raw download: {allocated / 1024.0:F0} KiB allocated (client and in-process emulator together), heap growth {heapGrowth / 1024.0:F0} KiB.");
        TestContext.Current.TestOutputHelper?.WriteLine($"50 MB raw download: {allocated / 1024.0:F0} KiB allocated, heap growth {heapGrowth / 1024.0:F0} KiB.");

        received.ShouldBe(FileSize);
        allocated.ShouldBeLessThan(Budget);
        heapGrowth.ShouldBeLessThan(Budget);
    }
}
