using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace ActionKit.Typed.Emulator.Hosting;

/// <summary>
/// A host lifetime that leaves the process alone: an embedded emulator must not take over Ctrl+C or SIGTERM of the
/// test host or sample that started it. Process mode handles those signals itself.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
