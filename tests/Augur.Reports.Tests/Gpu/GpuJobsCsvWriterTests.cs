using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Time;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Reports.Gpu;
using Augur.Simulation.Gpu;

namespace Augur.Reports.Tests.Gpu;

public sealed class GpuJobsCsvWriterTests
{
    [Fact]
    public void Write_ShareAndAJobThatNeverStarts_OneRowEach()
    {
        // One node of 1 GPU with 4 cores. Job "a" takes 250 milli for 30.5 s; job "b,x" asks 8 cores, which no node has: it never starts.
        var cluster = new GpuClusterSpec("one", [new GpuNodeSpec("n", 1, "T4", cpuMilli: 4000)]);
        var jobs = new List<GpuWorkloadJob>
        {
            new(new GpuJobRequest(0, "a", Instant.FromSeconds(2), GpuRequest.Fraction(250), "LS"), new Duration(30_500_000)),
            new(new GpuJobRequest(1, "b,x", Instant.FromSeconds(3), new GpuRequest(1, 1000, cpuMilli: 8000), "BE"), Duration.FromSeconds(1)),
        };
        var result = new GpuSimulator(new GpuWorkload("w", jobs), cluster, new GpuFifoPolicy(), new ConsolidatePlacement()).Run();
        using var writer = new StringWriter();

        GpuJobsCsvWriter.Write(writer, result);

        // a: start 2, end 2 + 30.5 = 32.5, wait 0, JCT 30.5; b,x quoted, no start.
        Assert.Equal(
            [
                GpuJobsCsvWriter.Header,
                "a,2,2,32.5,0,30.5,30.5,30.5,1,250,1,0,LS",
                "\"b,x\",3,,,,,,1,1,1000,0,0,BE",
                string.Empty,
            ],
            writer.ToString().Split('\n'));
    }
}
