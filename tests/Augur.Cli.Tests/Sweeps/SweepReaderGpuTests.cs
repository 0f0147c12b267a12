using Augur.Cli.Sweeps;

namespace Augur.Cli.Tests.Sweeps;

public sealed class SweepReaderGpuTests : IDisposable
{
    private const string Philly = "timestamp,duration,num_gpus,gpu_time,cluster\n2017-10-09 00:00:00,100.0,4,400.0,a\n2017-10-09 00:00:20,10.0,4,40.0,b\n";

    private readonly TemporaryDirectory directory = new();

    public SweepReaderGpuTests()
    {
        File.WriteAllText(directory.File("philly-small.csv"), Philly);
        File.WriteAllText(directory.File("t.swf"), "; MaxProcs: 4\n1 0 -1 10 1 -1 -1 1 20 -1 1 1 -1 -1 -1 -1 -1 -1\n");
        File.WriteAllText(directory.File("nodes.csv"), "sn,cpu_milli,memory_mib,gpu,model\nnode-1,32000,262144,4,V100M32\n");

        // Named like an openb pods file, so recognised as one, with no gpu-nodes file beside it.
        File.WriteAllText(directory.File("openb-pods.csv"), "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time\n");
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Read_GpuSweep_ExpandsLoadsPoliciesPlacementsAndPredictorsLastFastest()
    {
        var path = Write("""
            traces: philly-small.csv
            loads: [0.8, 1.2]
            policies: [gpu/fifo, gpu/tiresias]
            placements: [place/consolidate, place/spread]
            predictors: [none, predictor/helios]
            options: { gpus_per_node: 4, spread_slowdown: 1.5, promote_knob: 2, lenient: true, power: [V100M32=50:250] }
            out: here
            """);

        var sweep = SweepReader.Read(path);
        var runs = sweep.Runs();

        Assert.True(sweep.IsGpu);
        Assert.Equal(2 * 2 * 2 * 2, runs.Count);
        var trace = directory.File("philly-small.csv");
        Assert.Equal(new SweepRun(trace, "gpu/fifo", null, null, null, 1) { IsGpu = true, Load = 0.8, Placement = "place/consolidate" }, runs[0]);
        Assert.Equal(new SweepRun(trace, "gpu/fifo", null, "predictor/helios", null, 1) { IsGpu = true, Load = 0.8, Placement = "place/consolidate" }, runs[1]);
        Assert.Equal(new SweepRun(trace, "gpu/fifo", null, null, null, 1) { IsGpu = true, Load = 0.8, Placement = "place/spread" }, runs[2]);
        Assert.Equal(new SweepRun(trace, "gpu/tiresias", null, null, null, 1) { IsGpu = true, Load = 0.8, Placement = "place/consolidate" }, runs[4]);
        Assert.Equal(new SweepRun(trace, "gpu/tiresias", null, "predictor/helios", null, 1) { IsGpu = true, Load = 1.2, Placement = "place/spread" }, runs[^1]);
        Assert.Equal((4, 1.5, 2.0, true, "V100M32=50:250"), (sweep.Gpu!.GpusPerNode, sweep.Gpu.SpreadSlowdown, sweep.Gpu.PromoteKnob, sweep.Lenient, sweep.Gpu.Power.Single()));
    }

    [Fact]
    public void Read_GpuSweepOnANodesFile_TakesTheFileRelativeToTheSweepAndNoLoad()
    {
        var path = Write("traces: [philly-small.csv]\npolicies: gpu/tiresias\noptions:\n  nodes: nodes.csv\n");

        var sweep = SweepReader.Read(path);

        Assert.Equal(directory.File("nodes.csv"), sweep.Gpu!.NodesFile);
        var run = Assert.Single(sweep.Runs());
        Assert.Equal((null, null), (run.Load, run.Placement));
    }

    [Theory]
    [InlineData("loads: [0.8, -1]\n", ":3: field loads: expected a number above 0, found '-1'")]
    [InlineData("loads: 0\n", ":3: field loads: expected a number above 0, found '0'")]
    [InlineData("loads: [high]\n", ":3: field loads: expected a number above 0, found 'high'")]
    [InlineData("loads: [1, 1]\n", ":3: field loads: '1' is listed twice")]
    [InlineData("loads: [1, 0.5, 1.0]\n", ":3: field loads: '1.0' is load 1 again")]
    [InlineData("loads: 1\nplacements: [place/consolidate, place/bestfit]\n", ":4: field placements: unknown placement 'place/bestfit'; did you mean 'place/best-fit'?")]
    [InlineData("loads: 1\npredictors: [predictor/tsafrir]\n", ":4: field predictors: predictor/tsafrir does not predict GPU jobs; GPU runs take predictor/helios, predictor/group-mean, predictor/clairvoyant")]
    [InlineData("loads: 1\npredictors: [predictor/helois]\n", ":4: field predictors: unknown GPU predictor 'predictor/helois'; did you mean 'predictor/helios'?")]
    [InlineData("loads: 1\norders: [order/sjf]\n", ":4: field orders: batch sweeps only; this sweep's traces are GPU traces (trace/philly-pollux)")]
    [InlineData("loads: 1\nseeds: [1, 2]\n", ":4: field seeds: batch sweeps only")]
    [InlineData("loads: 1\noptions:\n  filter: sc15\n", ":5: field options.filter: batch sweeps only")]
    [InlineData("options:\n  nodes: missing-nodes.csv\n", ":4: field options.nodes: no such file: missing-nodes.csv")]
    [InlineData("loads: 1\noptions:\n  gpus: 8\n", ":5: field options.gpus: give loads or options.gpus, not both")]
    [InlineData("loads: 1\noptions:\n  nodes: nodes.csv\n", ":3: field loads: ")]
    [InlineData("options:\n  gpus: 0\n", ":4: field options.gpus: expected a whole number of at least 1, found '0'")]
    [InlineData("options:\n  gpus: 8\n  spread_slowdown: 0.5\n", ":5: field options.spread_slowdown: expected a number at least 1, found '0.5'")]
    [InlineData("options:\n  gpus: 8\n  energy_weight: 0.5\n", ":5: field options.energy_weight: applies to gpu/etf only, and this sweep's policies are gpu/fifo")]
    [InlineData("options:\n  gpus: 8\n  power: V100M32=300:60\n", ":5: field options.power: --power 'V100M32=300:60': full-load power 60 W is below idle power 300 W")]
    [InlineData("options: {}\n", ":1: field loads: missing: philly-small.csv (trace/philly-pollux) needs its cluster: loads, options.gpus or options.nodes")]
    [InlineData("options:\n  nodes: nodes.csv\n  gpus_per_node: 4\n", ":5: field options.gpus_per_node: philly-small.csv runs on a nodes file, whose nodes have their own GPUs")]
    public void Read_MalformedGpuSweep_NamesTheLineFieldAndReason(string keys, string expected)
    {
        var path = Write("traces: [philly-small.csv]\npolicies: [gpu/fifo]\n" + keys);

        var error = Assert.Throws<SweepFileException>(() => SweepReader.Read(path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("traces: [philly-small.csv, t.swf]\npolicies: [gpu/fifo]\nloads: 1\n", ":1: field traces: t.swf is a batch trace (SWF, GAIA, synthetic) and philly-small.csv a GPU trace (trace/philly-pollux): a sweep is all batch or all GPU")]
    [InlineData("traces:\n  - t.swf\n  - philly-small.csv\npolicies: [backfill/easy]\n", ":3: field traces: philly-small.csv is a GPU trace (trace/philly-pollux) and t.swf a batch trace")]
    [InlineData("traces: [philly-small.csv]\npolicies: [gpu/fifo, backfill/easy]\nloads: 1\n", ":2: field policies: backfill/easy schedules batch traces; this sweep's traces are GPU traces (trace/philly-pollux): use one of gpu/fifo, gpu/sjf")]
    [InlineData("traces: [\"synthetic:lublin\"]\npolicies: [gpu/tiresias]\n", ":2: field policies: gpu/tiresias schedules GPU traces; this sweep's traces are batch traces (SWF, GAIA, synthetic)")]
    [InlineData("traces: [philly-small.csv]\npolicies: [gpu/tiresas]\nloads: 1\n", ":2: field policies: unknown GPU policy 'gpu/tiresas'; did you mean 'gpu/tiresias'?")]
    [InlineData("traces: [t.swf]\npolicies: [backfill/easy]\nloads: [1]\n", ":3: field loads: GPU sweeps only; this sweep's traces are batch traces (SWF, GAIA, synthetic)")]
    [InlineData("traces: [t.swf]\npolicies: [backfill/easy]\nplacements: [place/spread]\n", ":3: field placements: GPU sweeps only")]
    [InlineData("traces: [t.swf]\npolicies: [backfill/easy]\noptions: { procs: 4, gpus_per_node: 4 }\n", ":3: field options.gpus_per_node: GPU sweeps only")]
    [InlineData("traces: [openb-pods.csv]\npolicies: [gpu/fifo]\nloads: 1\n", ":3: field loads: openb-pods.csv is a trace/alibaba-openb trace, which runs on its own nodes")]
    [InlineData("traces: [openb-pods.csv]\npolicies: [gpu/fifo]\n", "openb-gpu-nodes.csv, does not exist: give options.nodes")]
    public void Read_MixedKindsOrClusters_RefusedBeforeAnyRun(string yaml, string expected)
    {
        var path = Write(yaml);

        var error = Assert.Throws<SweepFileException>(() => SweepReader.Read(path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private string Write(string yaml)
    {
        var path = directory.File("sweep.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
