using System.Text.Json;
using Augur.Cli.Sweeps;

namespace Augur.Cli.Tests.Sweeps;

public sealed class GpuSweepCommandTests : IDisposable
{
    // Three jobs of 4 GPUs each over a 20 s span: 640 GPU-seconds asked, so load 4 sizes the cluster at
    // ceil(640 / (4 x 20)) = 8 GPUs (two nodes of 4) and load 8 at 4 GPUs (one node).
    private const string SmallPhilly = """
        timestamp,duration,num_gpus,gpu_time,cluster
        2017-10-09 00:00:00,100.0,4,400.0,a
        2017-10-09 00:00:10,50.0,4,200.0,b
        2017-10-09 00:00:20,10.0,4,40.0,a
        """;

    private readonly TemporaryDirectory directory = new();

    public GpuSweepCommandTests() => File.WriteAllText(directory.File("philly-small.csv"), SmallPhilly);

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Sweep_TwoPoliciesTwoLoads_RunsFourGpuRunsAndResumesTheSecondTime()
    {
        var output = directory.File("out");
        var path = WriteSweep(output);

        var first = CliRun.Of("sweep", path);
        var folders = Directory.GetDirectories(output).Order(StringComparer.Ordinal).ToList();
        var stamps = folders.Select(folder => File.GetLastWriteTimeUtc(Path.Combine(folder, "summary.json"))).ToList();
        var second = CliRun.Of("sweep", path);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("4 runs: 4 run now, 0 already finished, 0 failed", first.Output, StringComparison.Ordinal);
        Assert.Contains("jct_mean", first.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "comparison.html")));
        Assert.Equal(
            ["philly-small.gpu-fifo.load4.gpus-per-node4.", "philly-small.gpu-fifo.load8.gpus-per-node4.", "philly-small.gpu-sjf.load4.gpus-per-node4.", "philly-small.gpu-sjf.load8.gpus-per-node4."],
            folders.Select(folder => Path.GetFileName(folder)[..^12]));
        Assert.All(folders, folder => Assert.True(File.Exists(Path.Combine(folder, SweepRunner.MarkerFile))));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("4 runs: 0 run now, 4 already finished, 0 failed", second.Output, StringComparison.Ordinal);
        Assert.Equal(stamps, folders.Select(folder => File.GetLastWriteTimeUtc(Path.Combine(folder, "summary.json"))));

        // Load 4 (8 GPUs): A 0-100, B 10-60 on the other node, C waits for B: 60-70; JCT 100, 50, 50 under
        // either policy. Load 8 (4 GPUs): FIFO runs A, B, C in turn (JCT 100, 140, 140, mean 126.667); SJF,
        // given the true run times by default, starts C before B (JCT 100, 150, 90, mean 113.333).
        Assert.Equal([66.666667, 126.666667, 66.666667, 113.333333], folders.Select(JctMean));
    }

    [Fact]
    public void Sweep_GpuRun_WritesTheSummaryAndJobsThatSimulateWrites()
    {
        var output = directory.File("out");
        var sweep = CliRun.Of("sweep", WriteSweep(output), "--quiet");
        var folders = Directory.GetDirectories(output).Order(StringComparer.Ordinal).ToList();
        var simulated = new List<string>();
        foreach (var (policy, load) in new[] { ("gpu/fifo", "4"), ("gpu/fifo", "8"), ("gpu/sjf", "4"), ("gpu/sjf", "8") })
        {
            var folder = directory.File($"simulate.{policy.Replace('/', '-')}.{load}");
            var run = CliRun.Of("simulate", directory.File("philly-small.csv"), "--policy", policy, "--load", load, "--gpus-per-node", "4", "--out", folder, "--quiet");
            Assert.Equal(0, run.ExitCode);
            simulated.Add(folder);
        }

        Assert.Equal(0, sweep.ExitCode);
        for (var i = 0; i < folders.Count; i++)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(simulated[i], "summary.json")), File.ReadAllText(Path.Combine(folders[i], "summary.json")));
            Assert.Equal(File.ReadAllText(Path.Combine(simulated[i], "jobs.csv")), File.ReadAllText(Path.Combine(folders[i], "jobs.csv")));
            Assert.Equal(File.ReadAllText(Path.Combine(simulated[i], "gpu_allocation.csv")), File.ReadAllText(Path.Combine(folders[i], "gpu_allocation.csv")));
        }

        // The sweep's comparison is augur compare's of the same runs: every cell but the run's name agrees.
        var ofSweep = CliRun.Of(["compare", .. folders, "--format", "csv"]);
        var ofSimulate = CliRun.Of(["compare", .. simulated, "--format", "csv"]);
        Assert.Equal(0, ofSweep.ExitCode);
        Assert.Equal(WithoutRunNames(ofSimulate.Output), WithoutRunNames(ofSweep.Output));
    }

    [Fact]
    public void Sweep_OpenbPodsBesideTheirNodes_RunsOnThoseNodesAndKeysTheNodesContent()
    {
        // Pod 1 (1 GPU, 0-100 s) and pod 2 (1 GPU, 10-60 s) on one node of 1 GPU: pod 2 waits for pod 1 (90 s),
        // under either placement (there is one GPU to place on): mean queueing delay 45 s.
        File.WriteAllText(directory.File("openb_pod_list_small.csv"), """
            name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time
            pod-1,1000,1024,1,1000,,LS,Succeeded,0,100,0
            pod-2,1000,1024,1,1000,,LS,Succeeded,10,60,10
            """);
        var nodes = directory.File("openb_node_list_gpu_node.csv");
        File.WriteAllText(nodes, "sn,cpu_milli,memory_mib,gpu,model\nnode-1,32000,262144,1,V100M32\n");
        var path = directory.File("openb.yaml");
        File.WriteAllText(path, $"traces: [openb_pod_list_small.csv]\npolicies: gpu/fifo\nplacements: [place/best-fit, place/fragmentation]\nout: {directory.File("out")}\n");

        var first = CliRun.Of("sweep", path, "--quiet");
        var folders = Directory.GetDirectories(directory.File("out")).Order(StringComparer.Ordinal).ToList();
        File.AppendAllText(nodes, "node-2,32000,262144,1,V100M32\n");
        var afterNodesChanged = CliRun.Of("sweep", path);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(["openb_pod_list_small.gpu-fifo.place-best-fit.", "openb_pod_list_small.gpu-fifo.place-fragmentation."], folders.Select(folder => Path.GetFileName(folder)[..^12]));
        Assert.All(folders, folder => Assert.Equal(45, JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json"))).RootElement.GetProperty("metrics").GetProperty("queueing_delay_mean").GetDouble(), 6));

        // Another node: new keys, so both runs run again.
        Assert.Contains("2 runs: 2 run now, 0 already finished, 0 failed", afterNodesChanged.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_GpuPolicyOnAnSwfTrace_StopsWithExitCode3BeforeAnyRun()
    {
        File.WriteAllText(directory.File("t.swf"), "; MaxProcs: 4\n1 0 -1 10 1 -1 -1 1 20 -1 1 1 -1 -1 -1 -1 -1 -1\n");
        var path = directory.File("mixed.yaml");
        File.WriteAllText(path, $"traces: [t.swf]\npolicies: [backfill/easy, gpu/fifo]\nout: {directory.File("out")}\n");

        var run = CliRun.Of("sweep", path);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("mixed.yaml:2: field policies: gpu/fifo schedules GPU traces; this sweep's traces are batch traces", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.File("out")));
    }

    [Fact]
    public void SweepTask_GpuPlanLine_RunsThatRunIntoItsFolder()
    {
        var path = WriteSweep(directory.File("out"));
        var plan = SweepPlan.Of(SweepReader.Read(path));
        var planFile = directory.File("plan.txt");
        File.WriteAllLines(planFile, [$"1 {plan.Keys[1]}"]);

        var task = CliRun.Of("sweep-task", path, "--plan", planFile, "--task", "0");
        var again = SweepPlan.Of(SweepReader.Read(path));

        // Run 1 (loads vary slower than policies) is gpu/sjf at load 4: JCT mean 66.667 as in the local sweep;
        // the others are still to do.
        Assert.Equal(0, task.ExitCode);
        Assert.Equal($"finished philly-small.csv gpu/sjf load 4 in {plan.Folders[1]}\n", task.Output.ReplaceLineEndings("\n"));
        Assert.Equal(66.666667, JctMean(plan.Folders[1]));
        Assert.Equal([false, true, false, false], again.Resumed);
    }

    private static double JctMean(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json"))).RootElement.GetProperty("metrics").GetProperty("jct_mean").GetDouble();

    private static List<string> WithoutRunNames(string csv) =>
        csv.TrimEnd('\n').Split('\n').Select(line => line[line.IndexOf(',', StringComparison.Ordinal)..]).ToList();

    [Fact]
    public void Sweep_OneTraceUnderTwoSpellings_IsRefusedBeforeAnyRun()
    {
        // x.csv and ./x.csv are one file: same name, same content, same key, so both runs would write one folder.
        var output = directory.File("out");
        var path = directory.File("twice.yaml");
        File.WriteAllText(path, $"""
            traces: [philly-small.csv, ./philly-small.csv]
            policies: [gpu/fifo]
            loads: [4]
            out: {output}
            """);

        var run = CliRun.Of("sweep", path, "--quiet");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("would write one folder", run.Error, StringComparison.Ordinal);
        Assert.Contains("the same trace (same name and content) is listed twice", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any());
    }

    private string WriteSweep(string output)
    {
        var path = directory.File("gpu-sweep.yaml");
        File.WriteAllText(path, $"""
            traces: [philly-small.csv]
            policies: [gpu/fifo, gpu/sjf]
            loads: [4, 8]
            options: {"{"} gpus_per_node: 4 {"}"}
            out: {output}
            """);
        return path;
    }
}
