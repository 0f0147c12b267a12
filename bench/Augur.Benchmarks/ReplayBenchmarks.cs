using Augur.Core.Clusters;
using Augur.Policies;
using Augur.Simulation;
using Augur.Simulation.Engine;
using Augur.Traces.Filters;
using Augur.Traces.Swf;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Augur.Benchmarks;

/// <summary>
/// A whole replay as a user runs it, parsing included: read the gzip trace, filter, build the workload,
/// simulate. Jobs per second = jobs / mean time (bench/run.sh computes it into docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class ReplayBenchmarks
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["KTH"] = "KTH-SP2.filtered.swf.gz",
        ["SDSC"] = "SDSC-SP2.filtered.swf.gz",
        ["CTC"] = "CTC-SP2.filtered.swf.gz",
        ["LLNL"] = "LLNL-Atlas-2006-2.1-cln.swf.gz",
        ["RICC"] = "RICC-2010-2.swf.gz",
    };

    private static readonly Dictionary<string, string> PolicyIds = new(StringComparer.Ordinal)
    {
        ["fcfs"] = "queue/fcfs",
        ["easy"] = "backfill/easy",
        ["cons"] = "backfill/conservative",
    };

    /// <summary>trace|policy (short keys keep BenchmarkDotNet's columns whole); conservative on RICC is left out (docs/benchmarks.md).</summary>
    [Params(
        "KTH|fcfs", "KTH|easy", "KTH|cons",
        "SDSC|fcfs", "SDSC|easy", "SDSC|cons",
        "CTC|fcfs", "CTC|easy", "CTC|cons",
        "LLNL|fcfs", "LLNL|easy", "LLNL|cons",
        "RICC|fcfs", "RICC|easy")]
    public string Case { get; set; } = string.Empty;

    [Benchmark]
    public SimulationResult Replay()
    {
        var parts = Case.Split('|');
        var swf = SwfReader.Read(TraceFiles.Hpc(Files[parts[0]]));
        var processors = swf.Header.MachineProcessors!.Value;
        var workload = SwfWorkload.Build(swf, new RunnableJobFilter(), processors).Workload;
        return Simulator.Run(workload, ClusterSpec.FromProcessors(processors), PolicyCatalogue.Create(PolicyIds[parts[1]]));
    }
}
