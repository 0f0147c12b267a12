using System.Globalization;
using System.Text.Json;

namespace Augur.Cli.Tests.Commands;

/// <summary>
/// The other files of cluster-trace-gpu-v2023: pods whose gpu_spec lists alternatives (openb_pod_list_gpuspec*.csv)
/// on the all-node list, whose CPU-only nodes have no model (openb_node_list_all_node.csv). Hand-written rows.
/// </summary>
public sealed class SimulateOpenbVariantsCommandTests : IDisposable
{
    private const string Nodes = """
        sn,cpu_milli,memory_mib,gpu,model
        openb-node-0000,32000,262144,0,
        openb-node-0001,32000,262144,0,
        openb-node-0002,64000,262144,2,V100M16
        openb-node-0003,64000,262144,1,V100M32
        openb-node-0004,32000,131072,1,T4
        openb-node-0005,96000,786432,8,G2
        openb-node-0006,64000,262144,2,P100
        """;

    // Shares, whole GPUs, gangs of 2 and 8, CPU-only pods (one larger than half a GPU node's CPU), one pending pod.
    private const string Pods = """
        name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time
        p00,12000,16384,1,1000,V100M16|V100M32,LS,Running,0,1000,0
        p01,8000,30517,1,440,G2|P100|T4|V100M16|V100M32,LS,Running,10,500,10
        p02,8000,32768,1,1000,T4,LS,Running,20,620,20
        p03,4000,8192,1,500,T4,BE,Running,30,330,30
        p04,16000,65536,2,1000,V100M16|V100M32,LS,Succeeded,40,440,40
        p05,32000,131072,8,1000,G2,LS,Running,50,1050,50
        p06,8000,16384,2,1000,G2|P100,Burstable,Running,60,360,60
        p07,2000,4096,0,0,,BE,Running,70,170,70
        p08,30000,200000,0,0,,LS,Running,80,880,80
        p09,6000,12288,1,250,P100|V100M32,LS,Running,90,190,90
        p10,6000,12288,1,1000,,LS,Running,100,400,100
        p11,1000,1024,0,0,,BE,Pending,110,120,
        p12,8000,16384,1,1000,V100M32,Guaranteed,Failed,120,320,125
        p13,4000,8192,1,300,T4|V100M16,BE,Running,130,230,130
        p14,6000,12288,2,1000,V100M16|V100M32,LS,Running,135,335,135
        p15,1000,2048,0,0,,BE,Running,140,440,140
        """;

    // Full-load watts a power of ten apart per model, idle 0: a job's energy per GPU-second tells the models it ran on.
    private static readonly Dictionary<string, double> Watts = new(StringComparer.Ordinal)
    {
        ["T4"] = 1,
        ["V100M16"] = 10,
        ["V100M32"] = 100,
        ["P100"] = 1000,
        ["G2"] = 10000,
    };

    private readonly TemporaryDirectory directory = new();

    public static TheoryData<string, string> PoliciesAndPlacements()
    {
        var data = new TheoryData<string, string>();
        foreach (var policy in new[] { "gpu/fifo", "gpu/sjf", "gpu/srtf", "gpu/tiresias", "gpu/qssf", "gpu/etf" })
        {
            foreach (var placement in new[] { "place/consolidate", "place/spread", "place/best-fit", "place/fragmentation" })
            {
                data.Add(policy, placement);
            }
        }

        return data;
    }

    public void Dispose() => directory.Dispose();

    private (string Pods, string Nodes) Write(string pods)
    {
        var podsFile = directory.File("openb_pod_list_gpuspec33.csv");
        var nodesFile = directory.File("openb_node_list_all_node.csv");
        File.WriteAllText(podsFile, pods + "\n");
        File.WriteAllText(nodesFile, Nodes + "\n");
        return (podsFile, nodesFile);
    }

    [Theory]
    [MemberData(nameof(PoliciesAndPlacements))]
    public void Simulate_GpuSpecAlternativesOnAllNodes_EveryPodEndsOnAModelItAccepts(string policy, string placement)
    {
        var (pods, nodes) = Write(Pods);
        var output = directory.File("run");
        string[] power = [.. Watts.SelectMany(w => new[] { "--power", $"{w.Key}=0:{w.Value.ToString(CultureInfo.InvariantCulture)}" })];

        var run = CliRun.Of(["simulate", pods, "--nodes", nodes, "--policy", policy, "--placement", placement, .. power, "--out", output, "--quiet"]);

        // The driver checks every placement against the models the job accepts: a wrong one would be an error, not exit 0.
        Assert.True(run.ExitCode == 0, run.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal(0, summary.RootElement.GetProperty("never_started").GetInt32());
        Assert.Equal(0, summary.RootElement.GetProperty("never_finished").GetInt32());
        // 2 V100M16 + 1 V100M32 + 1 T4 + 8 G2 + 2 P100; the CPU-only nodes add none.
        Assert.Equal(14, summary.RootElement.GetProperty("cluster").GetProperty("gpus").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("input").GetProperty("left_out").GetProperty("pending pod: never scheduled, no run time").GetInt32());
        var specs = Pods.Split('\n').Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[5]);
        var rows = File.ReadAllLines(Path.Combine(output, "jobs.csv"));
        Assert.Equal("id,submit,start,end,wait,jct,run,trace_run,gpus,gpu_milli,nodes,slowed,group,energy_joules", rows[0]);
        Assert.Equal(15, rows.Length - 1);
        foreach (var row in rows.Skip(1))
        {
            AssertRanOnAcceptedModels(row.Split(','), specs);
        }
    }

    [Fact]
    public void Simulate_PodNoNodeCanHost_StrictIsBadInputNamingLineFieldAndModels()
    {
        var (pods, nodes) = Write(Pods + "\np16,1000,1024,1,1000,A10|V100M40,LS,Running,150,160,150");

        var run = CliRun.Of("simulate", pods, "--nodes", nodes, "--policy", "gpu/fifo", "--out", directory.File("run"), "--quiet");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains(
            "openb_pod_list_gpuspec33.csv:18: field 6 (gpu_spec): no node of an accepted model: the cluster has no A10 or V100M40 GPUs (its models are V100M16, V100M32, T4, G2, P100)",
            run.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_PodNoNodeCanHostLenient_IsLeftOutAndCountedInTheSummary()
    {
        var (pods, nodes) = Write(Pods + "\np16,1000,1024,1,1000,A10,LS,Running,150,160,150");
        var output = directory.File("run");

        var run = CliRun.Of("simulate", pods, "--nodes", nodes, "--policy", "gpu/fifo", "--lenient", "--out", output, "--quiet");

        Assert.True(run.ExitCode == 0, run.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal(1, summary.RootElement.GetProperty("input").GetProperty("left_out").GetProperty("field 6 (gpu_spec): no node of an accepted model").GetInt32());
        Assert.Equal(15, File.ReadAllLines(Path.Combine(output, "jobs.csv")).Length - 1);
    }

    [Fact]
    public void Simulate_PodListNameWithoutNodes_ReadsOpenbOnTheGpuNodeListBesideIt()
    {
        var (pods, _) = Write(Pods);
        var gpuNodes = directory.File("openb_node_list_gpu_node.csv");
        File.WriteAllText(gpuNodes, "sn,cpu_milli,memory_mib,gpu,model\nopenb-node-0002,64000,262144,2,V100M16\nopenb-node-0003,64000,262144,1,V100M32\nopenb-node-0004,32000,131072,1,T4\nopenb-node-0005,96000,786432,8,G2\nopenb-node-0006,64000,262144,2,P100\n");
        var output = directory.File("run");

        var run = CliRun.Of("simulate", pods, "--policy", "gpu/fifo", "--out", output, "--quiet");

        Assert.True(run.ExitCode == 0, run.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal("trace/alibaba-openb", summary.RootElement.GetProperty("format").GetString());
        Assert.Equal(gpuNodes, summary.RootElement.GetProperty("options").GetProperty("nodes").GetString());
        Assert.Equal(5, summary.RootElement.GetProperty("cluster").GetProperty("nodes").GetInt32());
    }

    /// <summary>
    /// A job's energy is its share of each GPU held times that GPU's full-load watts, over the time held: at least
    /// its trace run time, at most end - start. Its energy per GPU-second must lie within the watts of the models it
    /// accepts, a power of ten away from any other.
    /// </summary>
    private static void AssertRanOnAcceptedModels(string[] row, Dictionary<string, string> specs)
    {
        var invariant = CultureInfo.InvariantCulture;
        var id = row[0];
        Assert.NotEqual(string.Empty, row[3]);
        var run = double.Parse(row[6], invariant);
        var traceRun = double.Parse(row[7], invariant);
        var gpus = double.Parse(row[8], invariant) * double.Parse(row[9], invariant) / 1000;
        var energy = double.Parse(row[13], invariant);
        if (gpus == 0)
        {
            Assert.Equal(0, energy);
            return;
        }

        var accepted = specs[id].Length == 0 ? Watts.Values.ToArray() : specs[id].Split('|').Select(m => Watts[m]).ToArray();
        Assert.InRange(energy, accepted.Min() * gpus * traceRun * (1 - 1e-9), accepted.Max() * gpus * run * (1 + 1e-9));
    }
}
