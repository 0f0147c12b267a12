using System.Text.Json;
using Augur.Core.Clusters;
using Augur.Core.Resources;
using Augur.Core.Time;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Reports.Gpu;
using Augur.Simulation.Gpu;
using Augur.Testing;

namespace Augur.Reports.Tests.Gpu;

public sealed class GpuSummaryWriterTests
{
    [Fact]
    public void Write_UsersContendingInOneWindow_HasTheWindowedIndicesNextToTheWholeRunOnes()
    {
        // One GPU, windows of 60 s. x1 (0-40 s), y1 (40-120 s), x2 (120-130 s), all submitted at 0. Window 0-60 s: x
        // (x2 waits) and y (y1 waits 0-40 s) contend; x held 40 GPU-s, y 20: 60^2 / (2 x (1,600 + 400)) = 0.9.
        // 60-120 s: only x waits, no index; 120-130 s: nobody waits. Energy on one model is in the same proportion.
        var workload = GpuWorkloadBuilder.Of((0, GpuRequest.Whole(1), 40, "x"), (0, GpuRequest.Whole(1), 80, "y"), (0, GpuRequest.Whole(1), 10, "x"));
        var options = new GpuSimulationOptions { FairnessWindow = Duration.FromSeconds(60) };
        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(1), new GpuFifoPolicy(), new ConsolidatePlacement(), options).Run();

        var metrics = Summary(result).GetProperty("metrics");

        Assert.Equal(0.9, metrics.GetProperty("jain_gpu_time_windowed").GetDouble(), 6);
        Assert.Equal(0.9, metrics.GetProperty("jain_energy_windowed").GetDouble(), 6);
        Assert.Equal(60, metrics.GetProperty("fairness_window_s").GetDouble());
        Assert.Equal(1, metrics.GetProperty("fairness_windows").GetInt32());

        // Whole run: x 50 GPU-s, y 80: 130^2 / (2 x (2,500 + 6,400)).
        Assert.Equal(16900 / 17800.0, metrics.GetProperty("jain_gpu_time").GetDouble(), 6);
        var names = metrics.EnumerateObject().Select(metric => metric.Name).ToList();
        Assert.Equal(names.IndexOf("jain_energy") + 1, names.IndexOf("jain_gpu_time_windowed"));
    }

    [Fact]
    public void Write_NobodyEverWaits_WindowedIndicesAreNull()
    {
        // Two GPUs, two users' jobs start on arrival: nobody contends in any window.
        var workload = GpuWorkloadBuilder.Of((0, GpuRequest.Whole(1), 40, "x"), (0, GpuRequest.Whole(1), 80, "y"));
        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(2), new GpuFifoPolicy(), new ConsolidatePlacement()).Run();

        var metrics = Summary(result).GetProperty("metrics");

        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("jain_gpu_time_windowed").ValueKind);
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("jain_energy_windowed").ValueKind);
        Assert.Equal(3600, metrics.GetProperty("fairness_window_s").GetDouble());
        Assert.Equal(0, metrics.GetProperty("fairness_windows").GetInt32());
    }

    private static JsonElement Summary(GpuSimulationResult result)
    {
        using var stream = new MemoryStream();
        var run = new GpuRunDescription("t", "trace/philly-pollux", 3, new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, string>());
        GpuSummaryWriter.Write(stream, run, result, GpuScheduleMetrics.Compute(result), "test", GpuUsageMetrics.Compute(result));
        using var summary = JsonDocument.Parse(stream.ToArray());
        return summary.RootElement.Clone();
    }
}
