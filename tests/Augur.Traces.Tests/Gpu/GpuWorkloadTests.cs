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

    private const string PodHeader = "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time";

    /// <summary>A CPU-only node, two V100M16 GPUs and one T4: the models are V100M16 and T4, no V100M32 nor A10.</summary>
    private static GpuTrace<OpenbNode> MixedNodes()
    {
        using var input = GpuCsv.Of("sn,cpu_milli,memory_mib,gpu,model", "cpu0,32000,262144,0,", "v16,64000,262144,2,V100M16", "t4,32000,131072,1,T4");
        return OpenbReader.ReadNodes(input, "nodes.csv");
    }

    [Fact]
    public void OpenbFrom_PodWhoseModelsNoNodeHas_StrictRefusesNamingLineFieldAndModels()
    {
        using var input = GpuCsv.Of(
            PodHeader,
            "fits,1000,100,1,1000,V100M16|V100M32,LS,Running,0,10,0",
            "never,1000,100,1,500,V100M32|A10,LS,Running,0,10,0");
        var cluster = OpenbWorkload.Cluster(MixedNodes());

        var error = Assert.Throws<TraceFormatException>(() => OpenbWorkload.From(OpenbReader.ReadPods(input, "pods.csv"), new SkippedRecords(), cluster, lenient: false));

        Assert.Equal("pods.csv:3: field 6 (gpu_spec): no node of an accepted model: the cluster has no V100M32 or A10 GPUs (its models are V100M16, T4)", error.Message);
    }

    [Fact]
    public void OpenbFrom_PodWhoseModelsNoNodeHasLenient_IsLeftOutAndCounted()
    {
        // "cpu" asks for no GPU: its gpu_spec does not matter, any node with room may host it.
        using var input = GpuCsv.Of(
            PodHeader,
            "fits,1000,100,1,1000,V100M16|V100M32,LS,Running,0,10,0",
            "never,1000,100,1,500,A10,LS,Running,0,10,0",
            "cpu,1000,100,0,0,A10,LS,Running,0,10,0");
        var leftOut = new SkippedRecords();

        var workload = OpenbWorkload.From(OpenbReader.ReadPods(input, "pods.csv"), leftOut, OpenbWorkload.Cluster(MixedNodes()), lenient: true);

        Assert.Equal(["fits", "cpu"], workload.Jobs.Select(j => j.Request.Id));
        Assert.Equal(1, leftOut.Counts[OpenbWorkload.UnplaceableReason]);
        Assert.Equal("pods.csv:3", leftOut.FirstExample[OpenbWorkload.UnplaceableReason]);
    }

    [Fact]
    public void OpenbFrom_PodTooLargeForEveryNode_StrictRefusesNamingTheCpuField()
    {
        // 40 cores on one GPU: the V100M16 node has 64 cores, but the pod accepts only T4 (32 cores).
        using var input = GpuCsv.Of(
            PodHeader,
            "fits,1000,100,1,1000,,LS,Running,0,10,0",
            "wide,40000,100,1,1000,T4,LS,Running,0,10,0");

        var error = Assert.Throws<TraceFormatException>(() => OpenbWorkload.From(OpenbReader.ReadPods(input, "pods.csv"), new SkippedRecords(), OpenbWorkload.Cluster(MixedNodes()), lenient: false));

        Assert.Equal("pods.csv:3: field 2 (cpu_milli): no node can host it: the nodes of the models it accepts (T4) can host at most 0 of its 1 GPUs with their share of its 40000 CPU milli-cores and 100 MiB of memory", error.Message);
    }

    [Fact]
    public void OpenbFrom_PodsTooLargeLenient_AreLeftOutAndCountedByField()
    {
        // "memory" asks 300 GiB (307,200 MiB) with no GPU: every node has 256 GiB or less. "cores" asks 70 cores
        // with a GPU: the GPU nodes have 64 and 32. "cpu-node" asks 20 cores and no GPU: the CPU-only node hosts it.
        using var input = GpuCsv.Of(
            PodHeader,
            "memory,1000,307200,0,0,,LS,Running,0,10,0",
            "cores,70000,100,1,1000,,LS,Running,0,10,0",
            "cpu-node,20000,100,0,0,,LS,Running,0,10,0");
        var leftOut = new SkippedRecords();

        var workload = OpenbWorkload.From(OpenbReader.ReadPods(input, "pods.csv"), leftOut, OpenbWorkload.Cluster(MixedNodes()), lenient: true);

        Assert.Equal(["cpu-node"], workload.Jobs.Select(j => j.Request.Id));
        Assert.Equal(1, leftOut.Counts["field 3 (memory_mib): no node can host it"]);
        Assert.Equal("pods.csv:2", leftOut.FirstExample["field 3 (memory_mib): no node can host it"]);
        Assert.Equal(1, leftOut.Counts["field 2 (cpu_milli): no node can host it"]);
        Assert.Equal("pods.csv:3", leftOut.FirstExample["field 2 (cpu_milli): no node can host it"]);
    }

    [Fact]
    public void OpenbFrom_PodWithMoreGpusThanItsModelsHave_IsKeptForTheSimulatorsGpuCheck()
    {
        // Four T4 GPUs where the cluster has one: a GPU count problem, which the simulator refuses (exit 2), not a CPU one.
        using var input = GpuCsv.Of(PodHeader, "many,1000,100,4,1000,T4,LS,Running,0,10,0");

        var workload = OpenbWorkload.From(OpenbReader.ReadPods(input, "pods.csv"), new SkippedRecords(), OpenbWorkload.Cluster(MixedNodes()), lenient: false);

        Assert.Equal("many", Assert.Single(workload.Jobs).Request.Id);
    }

    [Fact]
    public void OpenbFrom_PodsAcceptingTheSameModelsInAnyOrder_ShareOneSet()
    {
        using var input = GpuCsv.Of(
            PodHeader,
            "a,1000,100,1,1000,V100M16|T4,LS,Running,0,10,0",
            "b,1000,100,1,1000,T4|V100M16,LS,Running,1,10,1",
            "c,1000,100,1,1000,T4,LS,Running,2,10,2");

        var jobs = OpenbWorkload.From(OpenbReader.ReadPods(input, "pods.csv"), new SkippedRecords(), OpenbWorkload.Cluster(MixedNodes()), lenient: false).Jobs;

        Assert.Same(jobs[0].Request.Resources.Models, jobs[1].Request.Resources.Models);
        Assert.NotSame(jobs[0].Request.Resources.Models, jobs[2].Request.Resources.Models);
    }

    [Fact]
    public void OpenbCluster_CpuOnlyNodes_AddNoGpuNorModel()
    {
        var cluster = OpenbWorkload.Cluster(MixedNodes());

        Assert.Equal(3, cluster.Nodes.Count);
        Assert.Equal(3, cluster.TotalGpus);
        Assert.Equal(["V100M16", "T4"], cluster.Models);
        Assert.Equal([-1, 0, 1], Enumerable.Range(0, 3).Select(cluster.ModelIdOfNode));
    }

    [Fact]
    public void OpenbCluster_OnlyCpuNodes_IsRefusedNamingTheFile()
    {
        using var input = GpuCsv.Of("sn,cpu_milli,memory_mib,gpu,model", "cpu0,32000,262144,0,");
        var nodes = OpenbReader.ReadNodes(input, "nodes.csv");

        var error = Assert.Throws<TraceFormatException>(() => OpenbWorkload.Cluster(nodes));

        Assert.Equal("nodes.csv: no node has a GPU: a GPU run needs at least one", error.Message);
    }
}
