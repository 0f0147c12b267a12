using System.Text.Json;
using Augur.Reports.Comparisons;

namespace Augur.Reports.Tests.Comparisons;

public sealed class ComparisonWriterGpuTests
{
    // The two schedules of three 4-GPU jobs (A 0 s 100 s, B 10 s 50 s, C 20 s 10 s) on 4 GPUs: FIFO runs A, B, C
    // (JCT 100, 140, 140; delays 0, 90, 130); SJF runs A, C, B (JCT 100, 150, 90; delays 0, 100, 80). The SJF run's
    // folder is older than the windowed energy index: it has none (NaN).
    private static readonly RunComparison TwoRuns = new(
        [
            Run("fifo", "gpu/fifo", jctMean: 380 / 3.0, jctMedian: 140, delayMean: 220 / 3.0, jainEnergy: 0.876712, predictor: null, windowed: (0.5, 0.5)),
            Run("sjf", "gpu/sjf", jctMean: 340 / 3.0, jctMedian: 100, delayMean: 60, jainEnergy: double.NaN, predictor: "predictor/clairvoyant", windowed: (0.75, double.NaN)),
        ]);

    [Fact]
    public void Metrics_GpuRuns_AreTheGpuMetrics()
    {
        Assert.True(TwoRuns.IsGpu);
        Assert.Equal(RunComparison.GpuMetricNames, TwoRuns.Metrics);
        Assert.Equal(4, ComparisonWriter.FirstMetricColumn(TwoRuns));
    }

    [Fact]
    public void Ratio_SjfOverFifo_IsTheQuotientOfTheHandComputedMeans()
    {
        // JCT 340 / 380; delays 180 / 220; preemptions 0 / 0 has no ratio; a null Jain index none either.
        Assert.Equal(340 / 380.0, TwoRuns.Ratio(1, "jct_mean"), 12);
        Assert.Equal(180 / 220.0, TwoRuns.Ratio(1, "queueing_delay_mean"), 12);
        Assert.True(double.IsNaN(TwoRuns.Ratio(1, "preemptions")));
        Assert.True(double.IsNaN(TwoRuns.Ratio(1, "jain_energy")));
        Assert.Equal(1.5, TwoRuns.Ratio(1, "jain_gpu_time_windowed"), 12);
        Assert.True(double.IsNaN(TwoRuns.Ratio(1, "jain_energy_windowed")));
    }

    [Fact]
    public void ToCsv_TwoGpuRuns_NamesPlacementAndGivesRatios()
    {
        var lines = ComparisonWriter.ToCsv(TwoRuns).TrimEnd('\n').Split('\n');

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("run,policy,placement,predictor,jobs,jobs_ratio,jct_mean,jct_mean_ratio,jct_median,jct_median_ratio,jct_p95,", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(
            ",jain_gpu_time,jain_gpu_time_ratio,jain_energy,jain_energy_ratio,jain_gpu_time_windowed,jain_gpu_time_windowed_ratio,jain_energy_windowed,jain_energy_windowed_ratio",
            lines[0],
            StringComparison.Ordinal);
        Assert.StartsWith("fifo (baseline),gpu/fifo,place/consolidate,-,3,1.000,126.667,1.000,140,1.000,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("sjf (ORACLE),gpu/sjf,place/consolidate,predictor/clairvoyant,3,1.000,113.333,0.895,100,0.714,", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",0,-,0.044,1.000,0.877,1.000,-,-,0.75,1.500,-,-", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_TwoGpuRuns_HasThePlacementColumn()
    {
        var lines = ComparisonWriter.ToMarkdown(TwoRuns).Split('\n');

        Assert.StartsWith("| run | policy | placement | predictor | jobs | jobs ratio | jct_mean | jct_mean ratio |", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("| sjf (ORACLE) | gpu/sjf | place/consolidate | predictor/clairvoyant | 3 | 1.000 | 113.333 | 0.895 |", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_TwoGpuRuns_GivesPlacementMetricsAndNullForANullJainIndex()
    {
        using var json = JsonDocument.Parse(ComparisonWriter.ToJson(TwoRuns));
        var sjf = json.RootElement.GetProperty("runs")[1];

        Assert.Equal("place/consolidate", sjf.GetProperty("placement").GetString());
        Assert.Equal(60, sjf.GetProperty("metrics").GetProperty("queueing_delay_mean").GetDouble());
        Assert.Equal(0.818182, sjf.GetProperty("ratios").GetProperty("queueing_delay_mean").GetDouble(), 6);
        Assert.Equal(JsonValueKind.Null, sjf.GetProperty("metrics").GetProperty("jain_energy").ValueKind);
        Assert.Equal(JsonValueKind.Null, sjf.GetProperty("ratios").GetProperty("preemptions").ValueKind);
        Assert.Equal(RunComparison.GpuMetricNames, sjf.GetProperty("metrics").EnumerateObject().Select(metric => metric.Name));
    }

    [Fact]
    public void Constructor_BatchAndGpuRuns_IsRefusedNamingTheFoldersOfEachKind()
    {
        var batch = new RunSummary("runs/easy", "easy", "t.swf", "backfill/easy", null, false, new Dictionary<string, double>());

        var error = Assert.Throws<RunFolderException>(() => new RunComparison([TwoRuns.Runs[0], batch, TwoRuns.Runs[1]]));

        Assert.Equal("batch runs (runs/easy) and GPU runs (fifo, sjf) cannot be compared: their metrics differ; compare each kind on its own", error.Message);
    }

    internal static RunSummary Run(string label, string policy, double jctMean, double jctMedian, double delayMean, double jainEnergy, string? predictor, (double GpuTime, double Energy) windowed = default)
    {
        var metrics = new Dictionary<string, double>
        {
            ["jobs"] = 3,
            ["jct_mean"] = jctMean,
            ["jct_median"] = jctMedian,
            ["jct_p95"] = 145,
            ["jct_p99"] = 149,
            ["queueing_delay_mean"] = delayMean,
            ["queueing_delay_p95"] = 98,
            ["makespan"] = 160,
            ["gpu_allocation"] = 1,
            ["preemptions"] = 0,
            ["energy_total_kwh"] = 0.044444,
            ["jain_gpu_time"] = 0.876712,
            ["jain_energy"] = jainEnergy,
            ["jain_gpu_time_windowed"] = windowed.GpuTime,
            ["jain_energy_windowed"] = windowed.Energy,
        };
        return new RunSummary(label, label, "philly.csv", policy, predictor, predictor is not null, metrics) { Placement = "place/consolidate" };
    }
}
