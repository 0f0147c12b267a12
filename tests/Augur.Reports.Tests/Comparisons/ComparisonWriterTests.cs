using System.Text.Json;
using Augur.Reports.Comparisons;

namespace Augur.Reports.Tests.Comparisons;

public sealed class ComparisonWriterTests
{
    private static readonly RunComparison TwoRuns = new(
        [
            Run("easy", bsld: 50, wait: 200, predictor: null, oracle: false),
            Run("easypp-oracle", bsld: 20, wait: 50, predictor: "predictor/clairvoyant", oracle: true),
        ]);

    [Fact]
    public void Ratio_AgainstTheBaseline_IsTheQuotientAndNaNForAZeroBaseline()
    {
        Assert.Equal(0.4, TwoRuns.Ratio(1, "bsld_mean"), 12);
        Assert.Equal(0.25, TwoRuns.Ratio(1, "wait_mean"), 12);
        Assert.Equal(1, TwoRuns.Ratio(0, "bsld_mean"));
        Assert.True(double.IsNaN(TwoRuns.Ratio(1, "wait_median")));
    }

    [Fact]
    public void ToMarkdown_TwoRuns_MarksTheBaselineAndTheOracle()
    {
        var lines = ComparisonWriter.ToMarkdown(TwoRuns).Split('\n');

        Assert.StartsWith("| run | policy | predictor | jobs | jobs ratio | wait_mean | wait_mean ratio |", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("| easy (baseline) | backfill/easy++ | - | 100 | 1.000 | 200 | 1.000 | 0 | - |", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("| easypp-oracle (ORACLE) | backfill/easy++ | predictor/clairvoyant | 100 | 1.000 | 50 | 0.250 |", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_TwoRuns_HasOneHeaderAndOneLinePerRun()
    {
        var lines = ComparisonWriter.ToCsv(TwoRuns).TrimEnd('\n').Split('\n');

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("run,policy,predictor,jobs,jobs_ratio,wait_mean,wait_mean_ratio", lines[0], StringComparison.Ordinal);
        Assert.Contains(",20,0.400,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_TwoRuns_GivesMetricsRatiosAndNullForUndefinedRatios()
    {
        using var json = JsonDocument.Parse(ComparisonWriter.ToJson(TwoRuns));
        var oracle = json.RootElement.GetProperty("runs")[1];

        Assert.True(oracle.GetProperty("oracle").GetBoolean());
        Assert.Equal(20, oracle.GetProperty("metrics").GetProperty("bsld_mean").GetDouble());
        Assert.Equal(0.4, oracle.GetProperty("ratios").GetProperty("bsld_mean").GetDouble());
        Assert.Equal(JsonValueKind.Null, oracle.GetProperty("ratios").GetProperty("wait_median").ValueKind);
        Assert.Equal("easy", json.RootElement.GetProperty("baseline").GetString());
    }

    private static RunSummary Run(string label, double bsld, double wait, string? predictor, bool oracle)
    {
        var metrics = new Dictionary<string, double>
        {
            ["jobs"] = 100,
            ["wait_mean"] = wait,
            ["wait_median"] = 0,
            ["wait_p95"] = 300,
            ["bsld_mean"] = bsld,
            ["bsld_median"] = 1,
            ["response_mean"] = 400,
            ["utilization"] = 0.5,
            ["makespan"] = 1000,
        };
        return new RunSummary(label, label, "t.swf", "backfill/easy++", predictor, oracle, metrics);
    }
}
