using Augur.Reports.Comparisons;

namespace Augur.Reports.Tests.Comparisons;

public sealed class RunSummaryReaderGpuTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("augur-compare-gpu-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Read_GpuRunSummary_TakesPlacementPredictorAndTheGpuMetrics()
    {
        var folder = RunFolder("philly.sjf", GpuSummary(jctMean: 113.333333, predictor: "predictor/clairvoyant"));

        var summary = RunSummaryReader.Read(folder);

        Assert.True(summary.IsGpu);
        Assert.Equal("philly.sjf", summary.Label);
        Assert.Equal("philly.csv", summary.Trace);
        Assert.Equal("gpu/sjf", summary.Policy);
        Assert.Equal("place/consolidate", summary.Placement);
        Assert.Equal("predictor/clairvoyant", summary.Predictor);
        Assert.True(summary.Oracle);
        Assert.Equal(3, summary.Metrics["jobs"]);
        Assert.Equal(113.333333, summary.Metrics["jct_mean"]);
        Assert.Equal(0.8, summary.Metrics["jain_gpu_time"]);

        // Jain's index is null when nobody was charged any energy: kept as NaN, not refused.
        Assert.True(double.IsNaN(summary.Metrics["jain_energy"]));
        Assert.Equal(0.6, summary.Metrics["jain_gpu_time_windowed"]);
        Assert.True(double.IsNaN(summary.Metrics["jain_energy_windowed"]));
        Assert.Equal(RunComparison.GpuMetricNames.Count, summary.Metrics.Count);
    }

    [Fact]
    public void Read_GpuSummaryWrittenBeforeTheWindowedIndices_HasThemNotAvailable()
    {
        var folder = RunFolder("older", GpuSummary(jctMean: 1, windowed: false));

        var summary = RunSummaryReader.Read(folder);

        Assert.True(double.IsNaN(summary.Metrics["jain_gpu_time_windowed"]));
        Assert.True(double.IsNaN(summary.Metrics["jain_energy_windowed"]));
        Assert.Equal(0.8, summary.Metrics["jain_gpu_time"]);
    }

    [Fact]
    public void Read_GpuSummaryWithATextWindowedIndex_SaysWhatItFound()
    {
        var folder = RunFolder("text-windowed", GpuSummary(jctMean: 1).Replace("\"jain_gpu_time_windowed\": 0.6", "\"jain_gpu_time_windowed\": \"0.6\"", StringComparison.Ordinal));

        var error = Assert.Throws<RunFolderException>(() => RunSummaryReader.Read(folder));

        Assert.Equal($"{Path.Combine(folder, "summary.json")}: field metrics.jain_gpu_time_windowed: expected number, found string", error.Message);
    }

    [Fact]
    public void Read_GpuRunWithoutPredictor_HasNoPredictorAndIsNoOracle()
    {
        var summary = RunSummaryReader.Read(RunFolder("philly.fifo", GpuSummary(jctMean: 126.666667)));

        Assert.Null(summary.Predictor);
        Assert.False(summary.Oracle);
        Assert.Equal("gpu/sjf", summary.Policy);
    }

    [Fact]
    public void Read_GpuSummaryWithoutACompareMetric_NamesTheFileAndTheField()
    {
        var folder = RunFolder("no-p99", GpuSummary(jctMean: 1).Replace("\"jct_p99\": 150, ", string.Empty, StringComparison.Ordinal));

        var error = Assert.Throws<RunFolderException>(() => RunSummaryReader.Read(folder));

        Assert.Equal($"{Path.Combine(folder, "summary.json")}: field metrics.jct_p99: missing", error.Message);
    }

    [Fact]
    public void Read_GpuSummaryWithoutPolicy_NamesTheFileAndTheField()
    {
        var folder = RunFolder("no-policy", GpuSummary(jctMean: 1).Replace("\"policy\": \"gpu/sjf\", ", string.Empty, StringComparison.Ordinal));

        var error = Assert.Throws<RunFolderException>(() => RunSummaryReader.Read(folder));

        Assert.Equal($"{Path.Combine(folder, "summary.json")}: field policy: missing", error.Message);
    }

    [Fact]
    public void Read_GpuSummaryWithATextMetric_SaysWhatItFound()
    {
        var folder = RunFolder("text", GpuSummary(jctMean: 1).Replace("\"jct_median\": 100", "\"jct_median\": \"100\"", StringComparison.Ordinal));

        var error = Assert.Throws<RunFolderException>(() => RunSummaryReader.Read(folder));

        Assert.Equal($"{Path.Combine(folder, "summary.json")}: field metrics.jct_median: expected number, found string", error.Message);
    }

    [Fact]
    public void Read_FillExperiment_IsRefusedAsHavingNoSchedule()
    {
        var folder = RunFolder("fill", """{ "mode": "fill", "trace": "philly.csv", "placement": "place/consolidate", "metrics": {} }""");

        var error = Assert.Throws<RunFolderException>(() => RunSummaryReader.Read(folder));

        Assert.Contains("a fill experiment", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A GPU run's summary.json as augur simulate writes it (docs/outputs.md), with the fields the reader checks; without
    /// <paramref name="windowed"/>, as written before the windowed Jain indices existed.
    /// </summary>
    internal static string GpuSummary(double jctMean, string? predictor = null, bool windowed = true)
    {
        var prediction = predictor is null ? string.Empty : $"\"predictor\": \"{predictor}\", \"oracle\": true, ";
        var windowedIndices = windowed ? ", \"jain_gpu_time_windowed\": 0.6, \"jain_energy_windowed\": null, \"fairness_window_s\": 3600, \"fairness_windows\": 2" : string.Empty;
        return $$"""
            { "trace": "philly.csv", "format": "trace/philly-pollux", "policy": "gpu/sjf", "placement": "place/consolidate", {{prediction}}
              "jobs": 3, "never_started": 0, "never_finished": 0,
              "cluster": { "name": "4 GPUs", "nodes": 1, "gpus": 4 },
              "metrics": { "jct_mean": {{jctMean}}, "jct_median": 100, "jct_p95": 145, "jct_p99": 150, "queueing_delay_mean": 60,
                           "queueing_delay_median": 80, "queueing_delay_p95": 98, "queueing_delay_p99": 99.6, "makespan": 160,
                           "gpu_allocation": 1, "preemptions": 0, "energy_total_kwh": 0.044444, "jain_gpu_time": 0.8, "jain_energy": null{{windowedIndices}} } }
            """;
    }

    private string RunFolder(string name, string json)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "summary.json"), json);
        return folder;
    }
}
