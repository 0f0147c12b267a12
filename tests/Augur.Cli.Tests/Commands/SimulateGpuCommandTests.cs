using System.Text.Json;

namespace Augur.Cli.Tests.Commands;

public sealed class SimulateGpuCommandTests : IDisposable
{
    // Three jobs: A at 0 s (4 GPUs, 100 s), B at 10 s (2 GPUs, 50 s), C at 20 s (1 GPU, 10 s).
    private const string SmallPhilly = """
        timestamp,duration,num_gpus,gpu_time,cluster
        2017-10-09 00:00:00,100.0,4,400.0,a
        2017-10-09 00:00:10,50.0,2,100.0,b
        2017-10-09 00:00:20,10.0,1,10.0,a
        """;

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private string Trace()
    {
        var trace = directory.File("philly-small.csv");
        File.WriteAllText(trace, SmallPhilly);
        return trace;
    }

    [Fact]
    public void Simulate_PhillyOnFourGpus_WritesHandComputedMetrics()
    {
        var output = directory.File("run");

        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--gpus", "4", "--out", output, "--quiet");

        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal("trace/philly-pollux", root.GetProperty("format").GetString());
        Assert.Equal(4, root.GetProperty("cluster").GetProperty("gpus").GetInt32());
        var metrics = root.GetProperty("metrics");

        // FIFO on one node of 4: A 0-100; B and C both fit at 100: B 100-150, C 100-110.
        // JCT 100, 140, 90: mean 110, median 100; p99 at rank 2 x 0.99 = 1.98: 100 + 0.98 x 40 = 139.2.
        Assert.Equal(110, metrics.GetProperty("jct_mean").GetDouble(), 6);
        Assert.Equal(100, metrics.GetProperty("jct_median").GetDouble(), 6);
        Assert.Equal(139.2, metrics.GetProperty("jct_p99").GetDouble(), 6);

        // Delays 0, 90, 80: mean 170 / 3.
        Assert.Equal(56.666667, metrics.GetProperty("queueing_delay_mean").GetDouble(), 6);
        var jobs = File.ReadAllLines(Path.Combine(output, "jobs.csv"));
        Assert.Equal("id,submit,start,end,wait,jct,run,trace_run,gpus,gpu_milli,nodes,slowed,group,energy_joules", jobs[0]);

        // B: 2 generic GPUs (250 W at full load) for 50 s = 25,000 J.
        Assert.Equal("3,10,100,150,90,140,50,50,2,1000,1,0,b,25000", jobs[2]);
    }

    [Fact]
    public void Simulate_PhillyLayoutUnderAnyName_IsRecognisedByItsHeader()
    {
        var trace = directory.File("workload.csv");
        File.WriteAllText(trace, SmallPhilly);
        var output = directory.File("run");

        var run = CliRun.Of("simulate", trace, "--policy", "gpu/fifo", "--gpus", "4", "--out", output, "--quiet");

        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal("trace/philly-pollux", summary.RootElement.GetProperty("format").GetString());

        // The same three jobs as the hand-computed case above: JCT 100, 140, 90.
        Assert.Equal(110, summary.RootElement.GetProperty("metrics").GetProperty("jct_mean").GetDouble(), 6);
    }

    [Fact]
    public void Simulate_NodesFileGivenAsTrace_SaysToGiveItWithNodes()
    {
        var trace = directory.File("cluster.csv");
        File.WriteAllText(trace, "sn,cpu_milli,memory_mib,gpu,model\nnode-1,32000,262144,8,V100M32\n");

        var run = CliRun.Of("simulate", trace, "--policy", "gpu/fifo", "--quiet");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("lists GPU nodes", run.Error, StringComparison.Ordinal);
        Assert.Contains("--nodes", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_AlibabaPodListName_RunsOnTheGpuNodeListBesideIt()
    {
        // Alibaba's own names: openb_pod_list_*.csv beside openb_node_list_gpu_node.csv.
        // Pod 1 (1 GPU, 0-100 s) and pod 2 (1 GPU, 10-60 s) on one node of 1 GPU: pod 2 waits for pod 1 (90 s).
        var pods = directory.File("openb_pod_list_small.csv");
        File.WriteAllText(pods, """
            name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time
            pod-1,1000,1024,1,1000,,LS,Succeeded,0,100,0
            pod-2,1000,1024,1,1000,,LS,Succeeded,10,60,10
            """);
        File.WriteAllText(directory.File("openb_node_list_gpu_node.csv"), "sn,cpu_milli,memory_mib,gpu,model\nnode-1,32000,262144,1,V100M32\n");
        var output = directory.File("run");

        var run = CliRun.Of("simulate", pods, "--policy", "gpu/fifo", "--out", output, "--quiet");

        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal("trace/alibaba-openb", summary.RootElement.GetProperty("format").GetString());
        Assert.Equal(45, summary.RootElement.GetProperty("metrics").GetProperty("queueing_delay_mean").GetDouble(), 6);
    }

    [Fact]
    public void Simulate_PhillyAtLoadOne_SizesTheClusterFromGpuSeconds()
    {
        var output = directory.File("run");

        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--load", "1", "--out", output, "--quiet");

        // GPU-seconds 400 + 100 + 10 = 510 over a 20 s span at load 1: ceil(510 / 20) = 26 GPUs (4 nodes of 8, the last 2).
        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal(26, summary.RootElement.GetProperty("cluster").GetProperty("gpus").GetInt32());
        Assert.Equal(4, summary.RootElement.GetProperty("cluster").GetProperty("nodes").GetInt32());
    }

    [Fact]
    public void Simulate_SjfWithoutPredictor_PlansWithTheLabelledOracle()
    {
        var output = directory.File("run");

        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/sjf", "--gpus", "4", "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("planned with predictor/clairvoyant (ORACLE", run.Output, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.True(summary.RootElement.GetProperty("oracle").GetBoolean());
    }

    [Fact]
    public void Simulate_GpuTraceWithABatchPolicy_IsAUsageError()
    {
        var run = CliRun.Of("simulate", Trace(), "--policy", "backfill/easy", "--gpus", "4");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a GPU trace (trace/philly-pollux); backfill/easy schedules batch traces: use one of gpu/fifo, gpu/sjf, gpu/srtf, gpu/tiresias, gpu/qssf", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_TinyLoad_IsAUsageErrorNamingTheSizeAndTheCap()
    {
        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--load", "0.0000001");

        // 510 GPU-seconds over a 20 s span at load 1e-7: ceil(510 / (1e-7 x 20)) = 255,000,000 GPUs.
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--load 1E-07 makes a cluster of 255000000 GPUs, more than the 1000000 a GPU run simulates", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_HugeGpuCount_IsAUsageErrorNamingTheSizeAndTheCap()
    {
        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--gpus", "2147483647");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--gpus 2147483647 makes a cluster of 2147483647 GPUs, more than the 1000000 a GPU run simulates", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_LoadAndGpus_IsAUsageError()
    {
        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--gpus", "4", "--load", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give --load X or --gpus N, not both", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_UnknownPlacement_SuggestsTheClosest()
    {
        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--gpus", "4", "--placement", "place/spred");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("place/spread", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_JobLargerThanTheCluster_SaysWhichJob()
    {
        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--gpus", "2");

        // Job A (line 2) needs 4 GPUs.
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("job 2 needs 4 GPUs but the cluster has 2", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_BadGpuRecord_ReportsFileLineAndField()
    {
        var trace = directory.File("philly-bad.csv");
        File.WriteAllText(trace, "timestamp,duration,num_gpus,gpu_time,cluster\n2017-10-09 00:00:00,abc,4,400.0,a\n");

        var run = CliRun.Of("simulate", trace, "--policy", "gpu/fifo", "--gpus", "4");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"{trace}:2: field 2 (duration): not a number: 'abc'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_TiresiasTwice_WritesIdenticalBytes()
    {
        var trace = Trace();
        var first = directory.File("first");
        var second = directory.File("second");

        Assert.Equal(0, CliRun.Of("simulate", trace, "--policy", "gpu/tiresias", "--gpus", "4", "--out", first, "--quiet").ExitCode);
        Assert.Equal(0, CliRun.Of("simulate", trace, "--policy", "gpu/tiresias", "--gpus", "4", "--out", second, "--quiet").ExitCode);

        foreach (var file in new[] { "summary.json", "jobs.csv", "gpu_allocation.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }
    }

    [Fact]
    public void Simulate_QssfWithHelios_LearnsOnlyFromEndedJobsAndIsNotLabelledAnOracle()
    {
        var output = directory.File("run");

        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/qssf", "--predictor", "predictor/helios", "--gpus", "4", "--out", output, "--quiet");

        // No job has ended when A, B and C arrive (0, 10, 20 s), so all three are predicted 0: ties, arrival order,
        // the FIFO schedule: A 0-100, B 100-150, C 100-110; JCT 100, 140, 90: mean 110.
        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal("predictor/helios", root.GetProperty("predictor").GetString());
        Assert.False(root.GetProperty("oracle").GetBoolean());
        Assert.Equal(110, root.GetProperty("metrics").GetProperty("jct_mean").GetDouble(), 6);
    }

    [Fact]
    public void Simulate_BatchPredictorWithAGpuPolicy_IsAUsageErrorNamingTheGpuPredictors()
    {
        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/qssf", "--predictor", "predictor/tsafrir", "--gpus", "4");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("predictor/tsafrir does not predict GPU jobs; GPU runs take predictor/helios, predictor/group-mean, predictor/clairvoyant", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpu/fifo", "1", "--promote-knob is gpu/tiresias's starvation guard; gpu/fifo does not take it")]
    [InlineData("gpu/tiresias", "often", "--promote-knob must be a number at least 0, not 'often'")]
    public void Simulate_BadPromoteKnob_IsAUsageError(string policy, string knob, string message)
    {
        var run = CliRun.Of("simulate", Trace(), "--policy", policy, "--promote-knob", knob, "--gpus", "4");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_TiresiasWithPromoteKnobAndNothingPreempted_KeepsTheSchedule()
    {
        var output = directory.File("run");

        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/tiresias", "--promote-knob", "2", "--gpus", "4", "--out", output, "--quiet");

        // Nothing is ever preempted on this trace (A, B, C never exceed the 4 GPUs together with a lower queue
        // waiting), so the guard has nothing to promote: Tiresias's schedule, A 0-100, B 100-150, C 100-110.
        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal(110, summary.RootElement.GetProperty("metrics").GetProperty("jct_mean").GetDouble(), 6);
    }

    [Fact]
    public void Simulate_PowerOverride_ChangesTheEnergy()
    {
        var output = directory.File("run");

        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--gpus", "4", "--power", "gpu=10:100", "--out", output, "--quiet");

        // Jobs: 4 x 100 + 2 x 50 + 1 x 10 = 510 GPU-seconds at 100 W = 51,000 J.
        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal(51000, summary.RootElement.GetProperty("metrics").GetProperty("energy_jobs_joules").GetDouble(), 6);
        Assert.Equal("option", summary.RootElement.GetProperty("cluster").GetProperty("power").GetProperty("gpu").GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("gpu", "expected MODEL=IDLE:MAX")]
    [InlineData("gpu=10", "expected MODEL=IDLE:MAX")]
    [InlineData("=10:100", "expected MODEL=IDLE:MAX")]
    [InlineData("gpu=-1:100", "idle power must be a number of watts of at least 0, not '-1'")]
    [InlineData("gpu=10:abc", "full-load power must be a number of watts of at least 0, not 'abc'")]
    [InlineData("gpu=100:10", "full-load power 10 W is below idle power 100 W")]
    [InlineData("T4=10:70", "the cluster has no T4 GPUs; its models are gpu")]
    public void Simulate_BadPower_IsAUsageErrorSayingWhy(string power, string reason)
    {
        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--gpus", "4", "--power", power);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpu/fifo", "0.5", "--energy-weight applies to gpu/etf, not gpu/fifo")]
    [InlineData("gpu/etf", "1.5", "--energy-weight must be a number from 0 to 1, not '1.5'")]
    [InlineData("gpu/etf", "-1", "--energy-weight must be a number at least 0, not '-1'")]
    public void Simulate_BadEnergyWeight_IsAUsageError(string policy, string weight, string reason)
    {
        var run = CliRun.Of("simulate", Trace(), "--policy", policy, "--gpus", "4", "--energy-weight", weight);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_Fill_PlacesJobsUntilTheTargetAndWritesTheCurve()
    {
        var output = directory.File("run");

        var run = CliRun.Of("simulate", Trace(), "--gpus", "8", "--fill", "1", "--placement", "place/fragmentation", "--out", output, "--quiet");

        // 8 GPUs (one node); jobs of 4, 2 and 1 GPUs in turn, never leaving: 4 + 2 + 1 = 7 placed, the next 4 fails at 11 >= 8 asked.
        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var metrics = summary.RootElement.GetProperty("metrics");
        Assert.Equal("fill", summary.RootElement.GetProperty("mode").GetString());
        Assert.Equal(4, metrics.GetProperty("jobs_arrived").GetInt32());
        Assert.Equal(3, metrics.GetProperty("jobs_placed").GetInt32());
        Assert.Equal(7, metrics.GetProperty("gpus_asked_at_first_failure").GetDouble());
        Assert.Equal(1, metrics.GetProperty("free_gpus").GetDouble());
    }

    [Fact]
    public void Simulate_PhillyOnANodesFile_RunsOnItsModels()
    {
        var nodes = directory.File("nodes.csv");
        File.WriteAllText(nodes, "sn,cpu_milli,memory_mib,gpu,model\nn0,64000,262144,4,T4\n");
        var output = directory.File("run");

        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--nodes", nodes, "--out", output, "--quiet");

        // One node of 4 T4s (70 W at full load): 510 GPU-seconds charged 35,700 J.
        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal(4, summary.RootElement.GetProperty("cluster").GetProperty("gpus").GetInt32());
        Assert.Equal("nodes", summary.RootElement.GetProperty("options").GetProperty("sized_by").GetString());
        Assert.Equal(35700, summary.RootElement.GetProperty("metrics").GetProperty("energy_jobs_joules").GetDouble(), 6);
    }

    [Fact]
    public void Simulate_PhillyWithNodesAndGpus_IsAUsageError()
    {
        var nodes = directory.File("nodes.csv");
        File.WriteAllText(nodes, "sn,cpu_milli,memory_mib,gpu,model\nn0,64000,262144,4,T4\n");

        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--nodes", nodes, "--gpus", "4");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give the cluster as --nodes FILE, --load X or --gpus N: one of them", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_FairnessWindowOfAMinute_WritesHandComputedWindowedIndices()
    {
        var output = directory.File("run");

        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--gpus", "4", "--fairness-window", "60", "--out", output, "--quiet");

        // A (a, 4 GPUs) 0-100 s; B (b, 2 GPUs) waits 10-100, runs 100-150; C (a, 1 GPU) waits 20-100, runs 100-110.
        // 0-60 s: a and b contend, GPU-seconds (240, 0): 0.5. 60-120 s: both still wait until 100; a 160 + 10, b 40:
        // 210^2 / (2 x (170^2 + 40^2)). 120-150 s: nobody waits. Mean of the two; one GPU model, so energy alike.
        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var metrics = summary.RootElement.GetProperty("metrics");
        var expected = (0.5 + (210.0 * 210 / (2 * ((170.0 * 170) + (40.0 * 40))))) / 2;
        Assert.Equal(expected, metrics.GetProperty("jain_gpu_time_windowed").GetDouble(), 6);
        Assert.Equal(expected, metrics.GetProperty("jain_energy_windowed").GetDouble(), 6);
        Assert.Equal(60, metrics.GetProperty("fairness_window_s").GetDouble());
        Assert.Equal(2, metrics.GetProperty("fairness_windows").GetInt32());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-60")]
    [InlineData("1.5")]
    [InlineData("hour")]
    public void Simulate_BadFairnessWindow_IsAUsageErrorNamingTheOption(string value)
    {
        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--gpus", "4", "--fairness-window", value, "--out", directory.File("run"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--fairness-window must be a whole number 1 or more, not '{value}'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_FairnessWindowWithFill_IsAUsageError()
    {
        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--gpus", "4", "--fill", "1", "--fairness-window", "60");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--fairness-window measures a schedule; a fill experiment (--fill) has none", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_FairnessWindowOnABatchTrace_IsAUsageError()
    {
        var run = CliRun.Of("simulate", "synthetic:lublin", "--fairness-window", "60", "--out", directory.File("run"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--fairness-window applies to GPU runs", run.Error, StringComparison.Ordinal);
    }
}
