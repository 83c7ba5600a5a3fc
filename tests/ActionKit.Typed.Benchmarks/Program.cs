using System;
using System.Linq;
using ActionKit.Typed.Benchmarks.Support;
using BenchmarkDotNet.Running;

namespace ActionKit.Typed.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/ActionKit.Typed.Benchmarks -- --filter '*Generator*'</c>; any
/// BenchmarkDotNet option works after <c>--</c> (<c>--list flat</c>, <c>--filter</c>, <c>--join</c>, …), plus
/// <c>--out-of-process</c> to run each benchmark in a child process instead of in this one.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        const string outOfProcess = "--out-of-process";
        BenchSettings.InProcess = !args.Contains(outOfProcess, StringComparer.OrdinalIgnoreCase);
        var rest = args.Where(a => !string.Equals(a, outOfProcess, StringComparison.OrdinalIgnoreCase)).ToArray();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest);
    }
}
