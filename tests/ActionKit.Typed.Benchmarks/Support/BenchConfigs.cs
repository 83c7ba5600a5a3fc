using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ActionKit.Typed.Benchmarks.Support;

/// <summary>
/// How the jobs run. In process by default: on a shared two-core machine BenchmarkDotNet's out-of-process mode must
/// rebuild the generator, runtime and emulator for its boilerplate project, which can exceed its two-minute build
/// timeout. <c>--out-of-process</c> switches back to a child process per benchmark.
/// </summary>
public static class BenchSettings
{
    public static bool InProcess { get; set; } = true;

    internal static Job Configure(Job job) => InProcess ? job.WithToolchain(InProcessEmitToolchain.Instance) : job;
}

/// <summary>
/// Few, long iterations: the peer needs seconds per operation at 5,000 actions, and the machine has two cores.
/// One launch, one warmup and five measured iterations keep a full run in minutes; ratios share a run.
/// </summary>
public sealed class SlowBenchConfig : ManualConfig
{
    public SlowBenchConfig()
    {
        AddJob(BenchSettings.Configure(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithId("Slow")));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
    }
}

/// <summary>Operations of milliseconds to a few seconds: more iterations for a tighter interval.</summary>
public sealed class FastBenchConfig : ManualConfig
{
    public FastBenchConfig()
    {
        AddJob(BenchSettings.Configure(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithId("Fast")));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
    }
}

/// <summary>Operations of microseconds: many invocations per iteration, twenty iterations.</summary>
public sealed class RuntimeBenchConfig : ManualConfig
{
    public RuntimeBenchConfig()
    {
        AddJob(BenchSettings.Configure(Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(20).WithId("Runtime")));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
    }
}
