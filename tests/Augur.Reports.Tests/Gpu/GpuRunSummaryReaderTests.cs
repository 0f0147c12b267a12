using Augur.Reports.Comparisons;
using Augur.Reports.Gpu;

namespace Augur.Reports.Tests.Gpu;

public sealed class GpuRunSummaryReaderTests : IDisposable
{
    private const string Summary = """
        {
          "augur_version": "0.1.0",
          "trace": "philly-small.csv",
          "format": "trace/philly-pollux",
          "policy": "gpu/tiresias",
          "placement": "place/consolidate",
          "predictor": "predictor/clairvoyant",
          "oracle": true,
          "jobs": 3,
          "never_started": 0,
          "never_finished": 1,
          "cluster": { "name": "4 GPUs (8 per node)", "nodes": 1, "gpus": 4, "largest_node_gpus": 4 },
          "options": { "gpus_per_node": "8", "load": "1.2", "sized_by": "load" },
          "metrics": { "jct_mean": 110, "preemptions": 2, "jain_energy": null },
          "users": { "a": { "gpu_seconds": 410, "energy_joules": 102500 }, "b": { "gpu_seconds": 100, "energy_joules": 25000 } }
        }
        """;

    private readonly string root = Directory.CreateTempSubdirectory("augur-gpu-summary-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Read_GpuRunSummary_TakesTheDescriptionMetricsAndUsers()
    {
        var folder = Folder("tiresias", Summary);

        var summary = GpuRunSummaryReader.Read(folder);

        Assert.Equal(folder, summary.Folder);
        Assert.Equal("tiresias", summary.Label);
        Assert.Equal("philly-small.csv", summary.Trace);
        Assert.Equal("trace/philly-pollux", summary.Format);
        Assert.Equal("gpu/tiresias", summary.Policy);
        Assert.Equal("place/consolidate", summary.Placement);
        Assert.Equal("predictor/clairvoyant", summary.Predictor);
        Assert.True(summary.Oracle);
        Assert.Equal((4, 1, "4 GPUs (8 per node)"), (summary.Gpus, summary.Nodes, summary.ClusterName));
        Assert.Equal((3, 0, 1), (summary.Jobs, summary.NeverStarted, summary.NeverFinished));
        Assert.Equal(["gpus_per_node=8", "load=1.2", "sized_by=load"], summary.Options.Select(option => $"{option.Key}={option.Value}"));

        // Metrics in the file's order; a null (a Jain index nobody had a share of) is NaN.
        Assert.Equal(["jct_mean", "preemptions", "jain_energy"], summary.Metrics.Select(metric => metric.Key));
        Assert.Equal(110, summary.Metrics[0].Value);
        Assert.True(double.IsNaN(summary.Metrics[2].Value));
        Assert.Equal([new GpuUserUsage("a", 410, 102500), new GpuUserUsage("b", 100, 25000)], summary.Users);
    }

    [Fact]
    public void Read_WindowedIndices_AreMetricsLikeTheOthers()
    {
        var folder = Folder("windowed", Summary.Replace(
            "\"jain_energy\": null }",
            "\"jain_energy\": null, \"jain_gpu_time_windowed\": 0.75, \"jain_energy_windowed\": null, \"fairness_window_s\": 3600, \"fairness_windows\": 12 }",
            StringComparison.Ordinal));

        var metrics = GpuRunSummaryReader.Read(folder).Metrics.ToDictionary(metric => metric.Key, metric => metric.Value);

        Assert.Equal(0.75, metrics["jain_gpu_time_windowed"]);
        Assert.True(double.IsNaN(metrics["jain_energy_windowed"]));
        Assert.Equal(3600, metrics["fairness_window_s"]);
        Assert.Equal(12, metrics["fairness_windows"]);
    }

    [Fact]
    public void Read_NoPredictorNoUsers_HasNoneOfThem()
    {
        var folder = Folder("fifo", Summary.Replace("\"predictor\": \"predictor/clairvoyant\",", string.Empty, StringComparison.Ordinal)
            .Replace("\"oracle\": true,", string.Empty, StringComparison.Ordinal)
            .Replace(",\n  \"users\": { \"a\": { \"gpu_seconds\": 410, \"energy_joules\": 102500 }, \"b\": { \"gpu_seconds\": 100, \"energy_joules\": 25000 } }", string.Empty, StringComparison.Ordinal));

        var summary = GpuRunSummaryReader.Read(folder);

        Assert.Null(summary.Predictor);
        Assert.False(summary.Oracle);
        Assert.Empty(summary.Users);
    }

    [Fact]
    public void IsGpuRun_GpuBatchAndMissingSummaries_TellsThemApart()
    {
        var gpu = Folder("gpu", Summary);
        var batch = Folder("batch", """{ "trace": "x.swf", "policy": "backfill/easy", "jobs": 1, "cluster": { "processors": 4 }, "metrics": {} }""");
        var empty = Directory.CreateDirectory(Path.Combine(root, "empty")).FullName;

        Assert.True(GpuRunSummaryReader.IsGpuRun(gpu));
        Assert.False(GpuRunSummaryReader.IsGpuRun(batch));
        Assert.False(GpuRunSummaryReader.IsGpuRun(empty));
        Assert.False(GpuRunSummaryReader.IsGpuRun(Path.Combine(root, "nowhere")));
    }

    [Theory]
    [InlineData("\"gpus\": 4,", "\"gpus\": 0,", "field cluster.gpus: 0 is not a whole number of at least 1")]
    [InlineData("\"gpus\": 4,", "\"gpus\": 2.5,", "field cluster.gpus: 2.5 is not a whole number of at least 1")]
    [InlineData("\"placement\": \"place/consolidate\",", "\"placement\": 7,", "field placement: expected string, found number")]
    [InlineData("\"jobs\": 3,", "", "field jobs: missing")]
    [InlineData("\"jct_mean\": 110", "\"jct_mean\": \"fast\"", "field metrics.jct_mean: expected number, found string")]
    [InlineData("\"gpu_seconds\": 100", "\"gpu_seconds\": -100", "field users.b.gpu_seconds: negative")]
    [InlineData("\"load\": \"1.2\"", "\"load\": 1.2", "field options.load: expected string, found number")]
    public void Read_MalformedSummary_NamesTheFileAndField(string from, string to, string expected)
    {
        var folder = Folder("bad", Summary.Replace(from, to, StringComparison.Ordinal));

        var error = Assert.Throws<RunFolderException>(() => GpuRunSummaryReader.Read(folder));

        Assert.Equal($"{Path.Combine(folder, "summary.json")}: {expected}", error.Message);
    }

    [Fact]
    public void Read_FillExperiment_SaysItHasNoScheduleToChart()
    {
        var folder = Folder("fill", """{ "mode": "fill", "placement": "place/consolidate" }""");

        var error = Assert.Throws<RunFolderException>(() => GpuRunSummaryReader.Read(folder));

        Assert.Equal($"{Path.Combine(folder, "summary.json")}: a fill experiment (--fill) has no schedule to chart; its summary.json is its result", error.Message);
    }

    private string Folder(string name, string summary)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "summary.json"), summary);
        return folder;
    }
}
