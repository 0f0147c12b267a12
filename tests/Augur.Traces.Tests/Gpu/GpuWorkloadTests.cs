using Augur.Core.Resources;
using Augur.Core.Time;
using Augur.Testing;
using Augur.Traces.Gpu;

namespace Augur.Traces.Tests.Gpu;

public sealed class GpuWorkloadTests
{
    [Fact]
    public void PhillyFrom_RowsOutOfOrder_SortsBySubmitRelativeToTheFirst()
    {
        using var input = GpuCsv.Of(
            "timestamp,duration,num_gpus,gpu_time,cluster",
            "2017-10-09 07:01:55,66.0,1,66.0,a",
            "2017-10-09 07:00:00,10.0,8,80.0,b",
            "2017-10-09 07:01:55,5.0,2,10.0,c");

        var workload = PhillyWorkload.From(PhillyReader.Read(input, "p.csv"));

        // Line 3 (07:00:00) first at 0 s; lines 2 and 4 at 07:01:55, 115 s later, in file order.
        Assert.Equal(["3", "2", "4"], workload.Jobs.Select(j => j.Request.Id));
        Assert.Equal([0L, 115, 115], workload.Jobs.Select(j => j.Request.Submit.WholeSeconds));
        Assert.Equal(8, workload.Jobs[0].Request.Resources.Gpus);
        Assert.Equal("b", workload.Jobs[0].Request.Group);
        Assert.Equal(Duration.FromSeconds(10), workload.Jobs[0].RunTime);
    }

    [Fact]
    public void OpenbFrom_PendingPod_IsLeftOutAndCounted()
    {
        using var input = GpuCsv.Of(
            "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time",
            "late,1000,100,1,460,,LS,Running,50,400,60",
            "never,1000,100,1,1000,,BE,Pending,10,20,",
            "early,2000,200,2,1000,T4,BE,Failed,5,100,5");
        var leftOut = new SkippedRecords();

        var workload = OpenbWorkload.From(OpenbReader.ReadPods(input, "pods.csv"), leftOut);

        Assert.Equal(["early", "late"], workload.Jobs.Select(j => j.Request.Id));

        // late: 400 - 60 = 340 s on 460 milli of one GPU; early: 100 - 5 = 95 s on two whole T4 GPUs.
        Assert.Equal(Duration.FromSeconds(340), workload.Jobs[1].RunTime);
        Assert.True(workload.Jobs[1].Request.Resources.IsFractional);
        Assert.Equal(GpuModelSet.Of("T4"), workload.Jobs[0].Request.Resources.Models);
        Assert.Equal(1, leftOut.Counts[OpenbWorkload.PendingReason]);
        Assert.Equal("pods.csv:3", leftOut.FirstExample[OpenbWorkload.PendingReason]);
    }

    [Fact]
    public void OpenbCluster_RealNodes_HoldsEveryGpu()
    {
        var nodes = OpenbReader.ReadNodes(Path.Combine(RepositoryPaths.SharedTraces, "gpu", "alibaba-openb-2023-gpu-nodes.csv.gz"));

        var cluster = OpenbWorkload.Cluster(nodes);

        // Sum of the gpu column (awk): 6,212 GPUs on 1,213 nodes; the largest nodes have 8.
        Assert.Equal(1_213, cluster.Nodes.Count);
        Assert.Equal(6_212, cluster.TotalGpus);
        Assert.Equal(8, cluster.LargestNodeGpus);
    }
}
