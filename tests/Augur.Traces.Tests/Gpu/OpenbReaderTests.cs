using Augur.Core.Resources;
using Augur.Traces.Gpu;

namespace Augur.Traces.Tests.Gpu;

public sealed class OpenbReaderTests
{
    private const string PodHeader = "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time";
    private const string NodeHeader = "sn,cpu_milli,memory_mib,gpu,model";
    private const string GoodPod = "openb-pod-0001,6000,12288,1,460,,LS,Running,427061,12902960,427061";

    [Fact]
    public void ReadPods_GoodRecords_KeepsFieldsAndDerivesRunTime()
    {
        using var input = GpuCsv.Of(
            PodHeader,
            GoodPod,
            "openb-pod-0061,11908,47104,1,1000,,BE,Pending,10001278,10001403,",
            "p8,64000,262144,8,1000,V100M32,LS,Succeeded,100,500,150");

        var trace = OpenbReader.ReadPods(input, "pods.csv");

        Assert.Equal(3, trace.Records.Count);
        var shared = trace.Records[0];
        Assert.Equal("openb-pod-0001", shared.Name);
        Assert.Equal(6000, shared.CpuMilli);
        Assert.Equal(12288, shared.MemoryMebibytes);
        Assert.Equal(1, shared.Gpus);
        Assert.Equal(460, shared.GpuMilli);
        Assert.Null(shared.AcceptedModels);
        Assert.Equal(OpenbPodPhase.Running, shared.Phase);

        // Run time = deletion - scheduled = 12902960 - 427061 = 12475899 s.
        Assert.Equal(12_475_899, shared.RunSeconds);

        Assert.Equal(OpenbPodPhase.Pending, trace.Records[1].Phase);
        Assert.Null(trace.Records[1].ScheduledSeconds);
        Assert.Null(trace.Records[1].RunSeconds);

        // 500 - 150 = 350 s on eight whole V100M32 GPUs.
        Assert.Equal("V100M32", trace.Records[2].GpuSpec);
        Assert.Equal(350, trace.Records[2].RunSeconds);
        Assert.Equal(8, trace.Records[2].Gpus);
    }

    [Theory]
    [InlineData(",6000,12288,1,460,,LS,Running,1,9,1", 1, "name", "missing value")]
    [InlineData("p,6k,12288,1,460,,LS,Running,1,9,1", 2, "cpu_milli", "not a number: '6k'")]
    [InlineData("p,-6000,12288,1,460,,LS,Running,1,9,1", 2, "cpu_milli", "negative value -6000")]
    [InlineData("p,6000,12.5,1,460,,LS,Running,1,9,1", 3, "memory_mib", "not a whole number: '12.5'")]
    [InlineData("p,6000,12288,,460,,LS,Running,1,9,1", 4, "num_gpu", "missing value")]
    [InlineData("p,6000,12288,1,1001,,LS,Running,1,9,1", 5, "gpu_milli", "more than one GPU: '1001' (gpu_milli is at most 1000)")]
    [InlineData("p,6000,12288,0,460,,LS,Running,1,9,1", 5, "gpu_milli", "share without a GPU: gpu_milli 460 with num_gpu 0")]
    [InlineData("p,6000,12288,1,0,,LS,Running,1,9,1", 5, "gpu_milli", "GPU without a share: gpu_milli 0 with num_gpu 1")]
    [InlineData("p,6000,12288,2,500,,LS,Running,1,9,1", 5, "gpu_milli", "fraction of several GPUs: gpu_milli 500 with num_gpu 2 (only one GPU may be shared)")]
    [InlineData("p,6000,12288,1,460, T4,LS,Running,1,9,1", 6, "gpu_spec", "blank around value: ' T4'")]
    [InlineData("p,6000,12288,1,460,V100||T4,LS,Running,1,9,1", 6, "gpu_spec", "empty alternative: 'V100||T4' (models are separated by a single '|')")]
    [InlineData("p,6000,12288,1,460,|T4,LS,Running,1,9,1", 6, "gpu_spec", "empty alternative: '|T4' (models are separated by a single '|')")]
    [InlineData("p,6000,12288,1,460,T4|,LS,Running,1,9,1", 6, "gpu_spec", "empty alternative: 'T4|' (models are separated by a single '|')")]
    [InlineData("p,6000,12288,1,460,V100| T4,LS,Running,1,9,1", 6, "gpu_spec", "blank around an alternative: ' T4' in 'V100| T4'")]
    [InlineData("p,6000,12288,1,460,V100 |T4,LS,Running,1,9,1", 6, "gpu_spec", "blank around an alternative: 'V100 ' in 'V100 |T4'")]
    [InlineData("p,6000,12288,1,460,T4|V100|T4,LS,Running,1,9,1", 6, "gpu_spec", "repeated alternative: 'T4' in 'T4|V100|T4'")]
    [InlineData("p,6000,12288,1,460,,,Running,1,9,1", 7, "qos", "missing value")]
    [InlineData("p,6000,12288,1,460,,LS,running,1,9,1", 8, "pod_phase", "unknown phase: 'running' (Pending, Running, Succeeded or Failed)")]
    [InlineData("p,6000,12288,1,460,,LS,Running,x,9,1", 9, "creation_time", "not a number: 'x'")]
    [InlineData("p,6000,12288,1,460,,LS,Running,5,4,5", 10, "deletion_time", "deleted before created: 4 < creation_time 5")]
    [InlineData("p,6000,12288,1,460,,LS,Running,1,9,", 11, "scheduled_time", "missing value")]
    [InlineData("p,6000,12288,1,460,,LS,Pending,1,9,3", 11, "scheduled_time", "scheduled but pending: '3'")]
    [InlineData("p,6000,12288,1,460,,LS,Failed,2,9,1", 11, "scheduled_time", "scheduled outside the pod's life: 1 not in [2, 9]")]
    [InlineData("p,6000,12288,1,460,,LS,Failed,2,9,10", 11, "scheduled_time", "scheduled outside the pod's life: 10 not in [2, 9]")]
    public void ReadPods_BadField_StrictStopsWithFileLineFieldAndReason(string bad, int field, string name, string reason)
    {
        using var input = GpuCsv.Of(PodHeader, GoodPod, GoodPod, bad);

        var error = Assert.Throws<TraceFormatException>(() => OpenbReader.ReadPods(input, "pods.csv"));

        Assert.Equal($"pods.csv:4: field {field} ({name}): {reason}", error.Message);
        Assert.Equal(4, error.Line);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void ReadPods_Lenient_SkipsBadRecordsAndCountsThemByReason()
    {
        using var input = GpuCsv.Of(
            PodHeader,
            "p,6000,12288,0,460,,LS,Running,1,9,1",
            GoodPod,
            "p,6000,12288,1,460,,LS,running,1,9,1",
            "p,6000,12288,0,5,,LS,Running,1,9,1");

        var trace = OpenbReader.ReadPods(input, "pods.csv", new GpuReadOptions { Lenient = true });

        Assert.Equal([3L], trace.Records.Select(r => r.Line));
        Assert.Equal(3, trace.Skipped.Total);
        Assert.Equal(2, trace.Skipped.Counts["field 5 (gpu_milli): share without a GPU"]);
        Assert.Equal(1, trace.Skipped.Counts["field 8 (pod_phase): unknown phase"]);
    }

    [Fact]
    public void ReadPods_GpuSpecAlternatives_KeepsTheAcceptedModelsAndTheText()
    {
        // Rows as in openb_pod_list_gpuspec*.csv of cluster-trace-gpu-v2023.
        using var input = GpuCsv.Of(
            PodHeader,
            "openb-pod-0009,12000,16384,1,1000,V100M16|V100M32,LS,Running,4975773,12902960,4975773",
            "openb-pod-0021,8000,30517,1,440,G2|P100|T4|V100M16|V100M32,LS,Running,9671707,12902960,9671708",
            "openb-pod-0012,8000,32768,1,1000,T4,LS,Running,6588193,10959245,6595531");

        var pods = OpenbReader.ReadPods(input, "pods.csv").Records;

        Assert.Equal(["V100M16", "V100M32"], pods[0].AcceptedModels!.Models);
        Assert.Equal("V100M16|V100M32", pods[0].GpuSpec);
        Assert.Equal(["G2", "P100", "T4", "V100M16", "V100M32"], pods[1].AcceptedModels!.Models);
        Assert.Equal("G2|P100|T4|V100M16|V100M32", pods[1].GpuSpec);
        Assert.Equal(GpuModelSet.Of("T4"), pods[2].AcceptedModels);
        Assert.False(pods[0].AcceptedModels!.Contains("T4"));
    }

    [Fact]
    public void ReadPods_LenientBadGpuSpecs_SkipsAndCountsEachReason()
    {
        using var input = GpuCsv.Of(
            PodHeader,
            "p,6000,12288,1,460,V100||T4,LS,Running,1,9,1",
            "p,6000,12288,1,460,V100| T4,LS,Running,1,9,1",
            GoodPod,
            "p,6000,12288,1,460,T4|T4,LS,Running,1,9,1",
            "p,6000,12288,1,460,T4|,LS,Running,1,9,1");

        var trace = OpenbReader.ReadPods(input, "pods.csv", new GpuReadOptions { Lenient = true });

        Assert.Equal([4L], trace.Records.Select(r => r.Line));
        Assert.Equal(2, trace.Skipped.Counts["field 6 (gpu_spec): empty alternative"]);
        Assert.Equal(1, trace.Skipped.Counts["field 6 (gpu_spec): blank around an alternative"]);
        Assert.Equal(1, trace.Skipped.Counts["field 6 (gpu_spec): repeated alternative"]);
    }

    [Fact]
    public void ReadNodes_CpuOnlyNodeWithoutModel_IsKeptBesideGpuNodes()
    {
        // As in openb_node_list_all_node.csv: CPU-only nodes leave the model empty.
        using var input = GpuCsv.Of(NodeHeader, "openb-node-0000,32000,262144,0,", "openb-node-0123,64000,262144,2,P100");

        var nodes = OpenbReader.ReadNodes(input, "nodes.csv").Records;

        Assert.Equal(new OpenbNode(2, "openb-node-0000", 32000, 262144, 0, string.Empty), nodes[0]);
        Assert.Equal(new OpenbNode(3, "openb-node-0123", 64000, 262144, 2, "P100"), nodes[1]);
    }

    [Fact]
    public void ReadNodes_LenientGpuNodeWithoutModel_SkipsAndCountsIt()
    {
        using var input = GpuCsv.Of(NodeHeader, "n0,32000,262144,0,", "n1,64000,262144,2,", "n2,64000,262144,2,T4");

        var trace = OpenbReader.ReadNodes(input, "nodes.csv", new GpuReadOptions { Lenient = true });

        Assert.Equal(["n0", "n2"], trace.Records.Select(n => n.Name));
        Assert.Equal(1, trace.Skipped.Counts["field 5 (model): missing value"]);
    }

    [Fact]
    public void ReadNodes_GoodRecord_KeepsFields()
    {
        using var input = GpuCsv.Of(NodeHeader, "openb-node-0000,64000,262144,2,P100");

        var node = Assert.Single(OpenbReader.ReadNodes(input, "nodes.csv").Records);

        Assert.Equal(new OpenbNode(2, "openb-node-0000", 64000, 262144, 2, "P100"), node);
    }

    [Theory]
    [InlineData(",64000,262144,2,P100", 1, "sn", "missing value")]
    [InlineData("n,64 000,262144,2,P100", 2, "cpu_milli", "not a number: '64 000'")]
    [InlineData("n,64000,-1,2,P100", 3, "memory_mib", "negative value -1")]
    [InlineData("n,64000,262144,2.5,P100", 4, "gpu", "not a whole number: '2.5'")]
    [InlineData("n,64000,262144,2,", 5, "model", "missing value: a node with 2 GPUs names their model")]
    [InlineData("n,64000,262144,0, ", 5, "model", "blank around value: ' '")]
    public void ReadNodes_BadField_StrictStopsWithFileLineFieldAndReason(string bad, int field, string name, string reason)
    {
        using var input = GpuCsv.Of(NodeHeader, bad);

        var error = Assert.Throws<TraceFormatException>(() => OpenbReader.ReadNodes(input, "nodes.csv"));

        Assert.Equal($"nodes.csv:2: field {field} ({name}): {reason}", error.Message);
    }
}
