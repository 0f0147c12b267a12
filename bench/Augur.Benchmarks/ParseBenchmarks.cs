using Augur.Traces.Swf;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Augur.Benchmarks;

/// <summary>Reading alone: gzip decompression and SWF parsing, the fixed cost of every replay.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class ParseBenchmarks
{
    [Params("SDSC-SP2.filtered.swf.gz", "RICC-2010-2.swf.gz")]
    public string Trace { get; set; } = string.Empty;

    [Benchmark]
    public int Read() => SwfReader.Read(TraceFiles.Hpc(Trace)).Records.Count;
}
