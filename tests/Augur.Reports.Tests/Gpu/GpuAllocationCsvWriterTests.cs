using System.Text.Json;
using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Time;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Reports.Gpu;
using Augur.Simulation.Gpu;

namespace Augur.Reports.Tests.Gpu;

public sealed class GpuAllocationCsvWriterTests
{
    /// <summary>Two T4s (14 W idle, 70 W full) on one node; users x and y each run one job on one T4, for 40 s and 80 s, from 0 s.</summary>
    private static GpuSimulationResult TwoUsers()
    {
        var jobs = new List<GpuWorkloadJob>
        {
            new(new GpuJobRequest(0, "a", Instant.Zero, GpuRequest.Whole(1), "x"), Duration.FromSeconds(40)),
            new(new GpuJobRequest(1, "b", Instant.Zero, GpuRequest.Whole(1), "y"), Duration.FromSeconds(80)),
        };
        var cluster = new GpuClusterSpec("t4", [new GpuNodeSpec("n", 2, "T4")]);
        return new GpuSimulator(new GpuWorkload("w", jobs), cluster, new GpuFifoPolicy(), new ConsolidatePlacement()).Run();
    }

    [Fact]
    public void Write_TwoIntervals_OneRowEachWithTimeWeightedMeans()
    {
        using var writer = new StringWriter();

        GpuAllocationCsvWriter.Write(writer, TwoUsers().Timeline, intervals: 2);

        // 0-40 s: 2 GPUs at 70 W; 40-80 s: 1 GPU held (70 W) and one idle (14 W) = 84 W. Nobody waits, nothing is preempted.
        Assert.Equal([GpuAllocationCsvWriter.Header, "0,40,2,0,140,0,0", "40,80,1,0,84,0,0", string.Empty], writer.ToString().Split('\n'));
    }

    [Fact]
    public void Write_Summary_HasEnergyFairnessAndPower()
    {
        var result = TwoUsers();
        var usage = GpuUsageMetrics.Compute(result);
        using var stream = new MemoryStream();
        var run = new GpuRunDescription("t", "trace/philly-pollux", 2, new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, string>());

        GpuSummaryWriter.Write(stream, run, result, GpuScheduleMetrics.Compute(result), "test", usage);

        using var summary = JsonDocument.Parse(stream.ToArray());
        var metrics = summary.RootElement.GetProperty("metrics");

        // Energy: 140 W x 40 s + 84 W x 40 s = 8,960 J; jobs 70 x 40 + 70 x 80 = 8,400 J; idle 14 x 40 = 560 J.
        Assert.Equal(8960, metrics.GetProperty("energy_total_joules").GetDouble(), 6);
        Assert.Equal(8960 / 3.6e6, metrics.GetProperty("energy_total_kwh").GetDouble(), 6);
        Assert.Equal(8400, metrics.GetProperty("energy_jobs_joules").GetDouble(), 6);
        Assert.Equal(560, metrics.GetProperty("energy_idle_joules").GetDouble(), 6);

        // GPU time 40 and 80: 120^2 / (2 x (1,600 + 6,400)) = 0.9; energy in the same proportion.
        Assert.Equal(0.9, metrics.GetProperty("jain_gpu_time").GetDouble(), 6);
        Assert.Equal(0.9, metrics.GetProperty("jain_energy").GetDouble(), 6);
        Assert.Equal(1.5, metrics.GetProperty("gpu_allocated_mean").GetDouble(), 6);
        Assert.Equal(5600, summary.RootElement.GetProperty("users").GetProperty("y").GetProperty("energy_joules").GetDouble(), 6);
        var power = summary.RootElement.GetProperty("cluster").GetProperty("power").GetProperty("T4");
        Assert.Equal(70, power.GetProperty("max_watts").GetDouble());
        Assert.Equal("vendor TDP", power.GetProperty("source").GetString());
    }
}
