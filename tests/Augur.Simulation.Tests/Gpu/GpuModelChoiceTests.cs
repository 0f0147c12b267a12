using Augur.Core.Clusters;
using Augur.Core.Resources;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Simulation.Gpu;

namespace Augur.Simulation.Tests.Gpu;

public sealed class GpuModelChoiceTests
{
    [Fact]
    public void Run_FifoWithAlternativesAndACpuOnlyNode_WaitsForAnAcceptedModel()
    {
        // Node 0 CPU-only; GPU 0 V100M16, GPU 1 V100M32, GPU 2 T4.
        var cluster = new GpuClusterSpec("mixed", [
            new GpuNodeSpec("cpu", 0, string.Empty, cpuMilli: 8000, memoryMebibytes: 65536),
            new GpuNodeSpec("v16", 1, "V100M16"),
            new GpuNodeSpec("v32", 1, "V100M32"),
            new GpuNodeSpec("t4", 1, "T4"),
        ]);
        var v100s = GpuModelSet.Of("V100M16", "V100M32");

        // A takes the V100M16 0-100; B (either V100) goes to the V100M32 at 1, 1-51; C (either V100) waits though
        // the T4 is idle, and starts at 51 on the V100M32 B frees; D (no GPU) waits behind C in FIFO order and
        // then runs 51-56 on the CPU-only node, the first with its CPU.
        var workload = GpuJobs.Of(
            (0, GpuRequest.Whole(1, GpuModelSet.Of("V100M16")), 100),
            (1, GpuRequest.Whole(1, v100s), 50),
            (2, GpuRequest.Whole(1, v100s), 10),
            (3, new GpuRequest(0, 0, cpuMilli: 2000), 5));

        var result = new GpuSimulator(workload, cluster, new GpuFifoPolicy(), new ConsolidatePlacement()).Run();

        Assert.Equal([0L, 1, 51, 51], result.Starts.Select(s => s.WholeSeconds));
        Assert.Equal([100L, 51, 61, 56], result.Ends.Select(s => s.WholeSeconds));
        Assert.Equal([0], result.GpusOf(0).ToArray());
        Assert.Equal([1], result.GpusOf(1).ToArray());
        Assert.Equal([1], result.GpusOf(2).ToArray());
        Assert.True(result.GpusOf(3).IsEmpty);
    }

    [Fact]
    public void Constructor_JobLargerThanItsAcceptedModels_SaysHowManyGpusTheyHave()
    {
        var cluster = new GpuClusterSpec("mixed", [
            new GpuNodeSpec("cpu", 0, string.Empty),
            new GpuNodeSpec("v16", 2, "V100M16"),
            new GpuNodeSpec("v32", 1, "V100M32"),
            new GpuNodeSpec("g2", 8, "G2"),
        ]);

        // V100M16 and V100M32 hold 2 + 1 = 3 GPUs; the 8 G2s do not count.
        var workload = GpuJobs.Of((0, GpuRequest.Whole(4, GpuModelSet.Of("V100M16", "V100M32")), 10));

        var error = Assert.Throws<ArgumentException>(() => new GpuSimulator(workload, cluster, new GpuFifoPolicy(), new ConsolidatePlacement()));

        Assert.Contains("needs 4 V100M16|V100M32 GPUs but the cluster has 3", error.Message, StringComparison.Ordinal);
    }
}
