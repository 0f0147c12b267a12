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
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ReplayBenchmarks
{
    /// <summary>trace file | policy: backfill/conservative on RICC-2010-2 is left out (see docs/benchmarks.md).</summary>
    [Params(
        "KTH-SP2.filtered.swf.gz|queue/fcfs",
        "KTH-SP2.filtered.swf.gz|backfill/easy",
        "KTH-SP2.filtered.swf.gz|backfill/conservative",
        "SDSC-SP2.filtered.swf.gz|queue/fcfs",
        "SDSC-SP2.filtered.swf.gz|backfill/easy",
        "SDSC-SP2.filtered.swf.gz|backfill/conservative",
        "CTC-SP2.filtered.swf.gz|queue/fcfs",
        "CTC-SP2.filtered.swf.gz|backfill/easy",
        "CTC-SP2.filtered.swf.gz|backfill/conservative",
        "LLNL-Atlas-2006-2.1-cln.swf.gz|queue/fcfs",
        "LLNL-Atlas-2006-2.1-cln.swf.gz|backfill/easy",
        "LLNL-Atlas-2006-2.1-cln.swf.gz|backfill/conservative",
        "RICC-2010-2.swf.gz|queue/fcfs",
        "RICC-2010-2.swf.gz|backfill/easy")]
    public string Case { get; set; } = string.Empty;

    [Benchmark]
    public SimulationResult Replay()
    {
        var parts = Case.Split('|');
        var swf = SwfReader.Read(TraceFiles.Hpc(parts[0]));
        var processors = swf.Header.MachineProcessors!.Value;
        var workload = SwfWorkload.Build(swf, new RunnableJobFilter(), processors).Workload;
        return Simulator.Run(workload, ClusterSpec.FromProcessors(processors), PolicyCatalogue.Create(parts[1]));
    }
}
