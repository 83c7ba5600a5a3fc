using System.Threading.Tasks;
using ActionKit.Typed.Emulator.Hosting;

namespace ActionKit.Typed.Emulator;

/// <summary>Process mode: <c>dotnet run --project runtime/ActionKit.Typed.Emulator -- --port 5080 --schemas DIR</c>.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => CommandLine.RunAsync(args);
}
