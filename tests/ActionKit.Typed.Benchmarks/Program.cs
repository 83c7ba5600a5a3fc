using BenchmarkDotNet.Running;

namespace ActionKit.Typed.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/ActionKit.Typed.Benchmarks -- --filter '*Generator*'</c>; any
/// BenchmarkDotNet option works after <c>--</c> (<c>--list flat</c>, <c>--filter</c>, <c>--join</c>, …).
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
