using Augur.Reports.Comparisons;

namespace Augur.Reports.Tests.Comparisons;

public sealed class RunSummaryReaderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("augur-compare-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Read_AugursSummary_TakesTraceLabelPredictorAndEveryMetric()
    {
        var folder = RunFolder("ctc.moe", Summary(bsld: 22.9, predictor: "predictor/moe", oracle: false));

        var summary = RunSummaryReader.Read(folder);

        Assert.Equal("ctc.moe", summary.Label);
        Assert.Equal("t.swf", summary.Trace);
        Assert.Equal("backfill/easy++", summary.Policy);
        Assert.Equal("predictor/moe", summary.Predictor);
        Assert.False(summary.Oracle);
        Assert.Equal(22.9, summary.Metrics["bsld_mean"]);
        Assert.Equal(100, summary.Metrics["jobs"]);
        Assert.Equal(RunComparison.MetricNames.Count, summary.Metrics.Count);
        Assert.Equal(64, summary.Processors);
    }

    [Fact]
    public void Read_NoFolder_SaysSo()
    {
        var error = Assert.Throws<RunFolderException>(() => RunSummaryReader.Read(Path.Combine(root, "absent")));

        Assert.Contains("no such run folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FolderWithoutSummary_NamesTheMissingFile()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "empty")).FullName;

        var error = Assert.Throws<RunFolderException>(() => RunSummaryReader.Read(folder));

        Assert.Contains(Path.Combine(folder, "summary.json") + ": missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"jobs\": 1, ", "not valid JSON")]
    [InlineData("[1, 2]", "expected a JSON object")]
    [InlineData("{ \"jobs\": 1, \"trace\": \"t\", \"policy\": \"p\" }", "field metrics: missing")]
    [InlineData("{ \"jobs\": \"many\", \"trace\": \"t\", \"policy\": \"p\", \"metrics\": {} }", "field jobs: expected number, found string")]
    [InlineData("{ \"jobs\": 1, \"trace\": \"t\", \"policy\": \"p\", \"metrics\": { \"wait_mean\": 1 } }", "field metrics.wait_median: missing")]
    [InlineData("{ \"jobs\": 1, \"trace\": \"t\", \"policy\": \"p\", \"metrics\": { \"wait_mean\": 1, \"wait_median\": 1, \"wait_p95\": 1, \"bsld_mean\": 1, \"bsld_median\": 1, \"response_mean\": 1, \"utilization\": 1, \"makespan\": 1 } }", "field cluster: missing")]
    [InlineData("{ \"jobs\": 1, \"trace\": \"t\", \"policy\": \"p\", \"cluster\": { \"processors\": 2.5 }, \"metrics\": { \"wait_mean\": 1, \"wait_median\": 1, \"wait_p95\": 1, \"bsld_mean\": 1, \"bsld_median\": 1, \"response_mean\": 1, \"utilization\": 1, \"makespan\": 1 } }", "field cluster.processors: 2.5 is not a whole number")]
    public void Read_MalformedSummary_NamesTheFileAndTheReason(string json, string reason)
    {
        var folder = RunFolder("bad", json);

        var error = Assert.Throws<RunFolderException>(() => RunSummaryReader.Read(folder));

        Assert.Contains(Path.Combine(folder, "summary.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    internal static string Summary(double bsld, string? predictor = null, bool oracle = false, double wait = 100)
    {
        var prediction = predictor is null ? string.Empty : $", \"oracle\": {(oracle ? "true" : "false")}, \"prediction\": {{ \"predictor\": \"{predictor}\" }}";
        return $$"""
            { "jobs": 100, "trace": "t.swf", "policy": "backfill/easy++", "cluster": { "name": "t", "processors": 64 },
              "metrics": { "wait_mean": {{wait}}, "wait_median": 0, "wait_p95": 300, "bsld_mean": {{bsld}}, "bsld_median": 1,
                           "response_mean": 400, "utilization": 0.5, "makespan": 1000 }{{prediction}} }
            """;
    }

    private string RunFolder(string name, string json)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "summary.json"), json);
        return folder;
    }
}
