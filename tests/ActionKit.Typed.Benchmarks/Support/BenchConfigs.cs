using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace ActionKit.Typed.Benchmarks.Support;

/// <summary>
/// Few, long iterations: the peer needs seconds per operation at 5,000 actions, and the machine has two cores.
/// One launch, one warmup and five measured iterations keep a full run in minutes; ratios share a run.
/// </summary>
public sealed class SlowBenchConfig : ManualConfig
{
    public SlowBenchConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithId("Slow"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
    }
}

/// <summary>Operations of milliseconds to about a second: more iterations for a tighter interval.</summary>
public sealed class FastBenchConfig : ManualConfig
{
    public FastBenchConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithId("Fast"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
    }
}
