using Augur.Reports.Comparisons;
using Augur.Reports.Gpu;
using Augur.Reports.Html;
using Augur.Reports.Runs;

namespace Augur.Reports.Tests.Html;

public sealed class GpuRunReportTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("augur-gpu-report-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Build_AllocationWrittenBeforeWaitingJobs_HasTheSixChartsInOrder()
    {
        var page = GpuRunReport.Build(Summary(Users), Jobs(), Allocation);

        Assert.Equal(["gpu-allocation", "gpu-queue", "jct-cdf", "queueing-delay-cdf", "jct-by-gpus", "gpu-time-by-user"], page.Charts.Select(chart => chart.Id));
        Assert.Equal("GPU time and energy by virtual cluster (top 20)", page.Charts[^1].Title);
        Assert.All(page.Charts, chart => Assert.True(chart.HasData, chart.Id));
    }

    [Fact]
    public void Build_AllocationWithWaitingAndPreemptions_ChartsThemFromIt()
    {
        GpuAllocationRow[] allocation = [new(0, 100, 4, 0, 1000, 1, 0), new(100, 150, 3, 0.5, 800, 2, 2)];

        var page = GpuRunReport.Build(Summary(Users), Jobs(), allocation);

        // Jobs waiting from gpu_allocation.csv (preempted ones included) instead of jobs.csv; preemptions over time.
        Assert.Equal(["gpu-allocation", "gpu-waiting", "gpu-preemptions", "jct-cdf", "queueing-delay-cdf", "jct-by-gpus", "gpu-time-by-user"], page.Charts.Select(chart => chart.Id));
    }

    [Fact]
    public void Build_Run_HeaderDescribesPolicyPlacementPredictorClusterAndLoad()
    {
        var page = GpuRunReport.Build(Summary(Users) with { Predictor = "predictor/clairvoyant", Oracle = true }, Jobs(), Allocation);

        var facts = page.Facts.ToDictionary(fact => fact.Key, fact => fact.Value);
        Assert.Equal("tiresias: gpu/tiresias", page.Title);
        Assert.Equal("gpu/tiresias", facts["policy"]);
        Assert.Equal("place/consolidate", facts["placement"]);
        Assert.Equal("predictor/clairvoyant (ORACLE: given the true run times; an upper bound, not a result)", facts["predictor"]);
        Assert.Equal("8 GPUs on 1 nodes (8 GPUs (8 per node))", facts["cluster"]);
        Assert.Equal("1.2", facts["load"]);
        Assert.Equal("3", facts["jobs"]);
        Assert.Equal("2", facts["preemptions"]);
        Assert.Equal("1 (preempted and never resumed)", facts["never finished"]);
        Assert.False(facts.ContainsKey("users"));

        // The metrics table is summary.json's, rounded to 3 decimals; a null is "null".
        Assert.Equal([["jct_mean", "110.333"], ["preemptions", "2"], ["jain_energy", "null"]], page.Tables[0].Rows);
    }

    [Fact]
    public void Build_TraceWithoutUsers_SaysSoInsteadOfAnEmptyChart()
    {
        var page = GpuRunReport.Build(Summary([]), Jobs(), Allocation);

        Assert.DoesNotContain(page.Charts, chart => chart.Id == "gpu-time-by-user");
        Assert.Contains(page.Facts, fact => fact.Key == "users" && fact.Value == "the trace records none, so there is no chart by user");
    }

    [Fact]
    public void Build_Jobs_CdfsShowTheirJctsAndDelays()
    {
        var page = GpuRunReport.Build(Summary(Users), Jobs(), Allocation);

        // JCTs 100 and 140 (the third job never finished, left out); delays 0, 90 and 0 (floored at 1 s).
        var jct = page.Charts.Single(chart => chart.Id == "jct-cdf");
        Assert.Equal(new double[] { 100, 140 }, jct.XValues);
        Assert.Equal(new[] { 0.5, 1 }, jct.Series[0].Values);
        Assert.Contains("1 jobs that never started or never finished are left out", jct.Note, StringComparison.Ordinal);
        var delay = page.Charts.Single(chart => chart.Id == "queueing-delay-cdf");
        Assert.Equal(new double[] { 1, 90 }, delay.XValues);
        Assert.Equal(new[] { 2 / 3.0, 1 }, delay.Series[0].Values);
    }

    [Fact]
    public void Write_GpuRunFolder_WritesReportHtml()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "tiresias")).FullName;
        File.WriteAllText(Path.Combine(folder, "summary.json"), """
            { "trace": "t.csv", "format": "trace/philly-pollux", "policy": "gpu/fifo", "placement": "place/consolidate",
              "jobs": 1, "never_started": 0, "never_finished": 0, "cluster": { "name": "c", "nodes": 1, "gpus": 2 },
              "metrics": { "preemptions": 0 } }
            """);
        File.WriteAllText(Path.Combine(folder, "jobs.csv"), "id,submit,start,end,wait,jct,run,trace_run,gpus,gpu_milli,nodes,slowed,group,energy_joules\na,0,0,10,0,10,10,10,1,1000,1,0,vc,2500\n");
        File.WriteAllText(Path.Combine(folder, "gpu_allocation.csv"), "start,end,allocated_gpus,fragmented_gpus,power_watts\n0,10,1,0,300\n");

        var path = GpuRunReport.Write(folder);

        Assert.Equal(Path.Combine(folder, "report.html"), path);
        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("GPUs allocated and free over time", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FolderWithoutGpuAllocation_NamesTheMissingFile()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "partial")).FullName;
        File.WriteAllText(Path.Combine(folder, "summary.json"), """
            { "trace": "t.csv", "format": "trace/philly-pollux", "policy": "gpu/fifo", "placement": "place/consolidate",
              "jobs": 0, "never_started": 0, "never_finished": 0, "cluster": { "name": "c", "nodes": 1, "gpus": 2 }, "metrics": {} }
            """);
        File.WriteAllText(Path.Combine(folder, "jobs.csv"), "id,submit,start,end,wait,jct,run,trace_run,gpus,gpu_milli,nodes,slowed,group,energy_joules\n");

        var error = Assert.Throws<RunFolderException>(() => GpuRunReport.Write(folder));

        Assert.Equal($"{Path.Combine(folder, "gpu_allocation.csv")}: missing (is its folder a GPU run folder written by augur simulate?)", error.Message);
    }

    private static readonly GpuUserUsage[] Users = [new("a", 410, 102_500), new("b", 100, 25_000)];

    private static readonly GpuAllocationRow[] Allocation = [new(0, 100, 4, 0, 1000), new(100, 150, 3, 0.5, 800)];

    private static GpuRunSummary Summary(IReadOnlyList<GpuUserUsage> users) =>
        new("runs/tiresias", "tiresias", "philly.csv", "gpu/tiresias", "place/consolidate", 8)
        {
            Format = "trace/philly-pollux",
            ClusterName = "8 GPUs (8 per node)",
            Nodes = 1,
            Jobs = 3,
            NeverFinished = 1,
            Options = [new("load", "1.2"), new("sized_by", "load")],
            Metrics = [new("jct_mean", 110.3333333), new("preemptions", 2), new("jain_energy", double.NaN)],
            Users = users,
        };

    private static GpuJobTable Jobs() => new(
        "jobs.csv",
        [
            GpuJobRows.Finished(submit: 0, start: 0, end: 100, gpus: 4, group: "a"),
            GpuJobRows.Finished(submit: 10, start: 100, end: 150, gpus: 2, group: "b"),
            GpuJobRows.NeverFinished(submit: 20, start: 20),
        ]);
}
