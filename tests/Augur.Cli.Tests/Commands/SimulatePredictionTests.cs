using System.Globalization;
using System.Text.Json;

namespace Augur.Cli.Tests.Commands;

/// <summary><c>augur simulate</c> with predictors and correctors: options, usage errors and the outputs' prediction parts.</summary>
public sealed class SimulatePredictionTests : IDisposable
{
    private const string PredictionColumnsHeader = "id,submit,start,end,wait,run,procs,requested_time,bsld,backfilled,user,predicted,corrections";

    // User 7: two jobs of 101 s and 200 s end by 200; the third (request 1000) runs 250 s from 300.
    private const string UserHistoryTrace = """
        ; MaxProcs: 4
        1 0 -1 101 1 -1 -1 1 1000 -1 1 7 1 -1 1 -1 -1 -1
        2 0 -1 200 1 -1 -1 1 1000 -1 1 7 1 -1 1 -1 -1 -1
        3 300 -1 250 1 -1 -1 1 1000 -1 1 7 1 -1 1 -1 -1 -1
        """;

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Simulate_EasyPlusPlusSynthetic_DefaultsToTsafrirAndWritesThePredictionOutputs()
    {
        var output = directory.File("run");

        var run = CliRun.Of("simulate", "synthetic:lublin", "--jobs", "300", "--procs", "64", "--policy", "backfill/easy++", "--out", output, "--quiet");

        Assert.Equal(0, run.ExitCode);
        var rows = ReadJobs(output);
        Assert.Equal(300, rows.Count);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal("backfill/easy++", root.GetProperty("policy").GetString());
        Assert.False(root.GetProperty("oracle").GetBoolean());
        var prediction = root.GetProperty("prediction");
        Assert.Equal("predictor/tsafrir", prediction.GetProperty("predictor").GetString());
        Assert.Equal("corrector/tsafrir", prediction.GetProperty("corrector").GetString());
        Assert.False(prediction.GetProperty("oracle").GetBoolean());
        Assert.Equal(rows.Sum(row => long.Parse(row["corrections"], CultureInfo.InvariantCulture)), prediction.GetProperty("corrections").GetInt64());
        foreach (var row in rows)
        {
            var predicted = Seconds(row["predicted"]);
            var requested = Seconds(row["requested_time"]);
            Assert.True(requested < 0 || predicted <= requested, $"job {row["id"]}: predicted {predicted} > requested {requested}");
            Assert.True(predicted >= Math.Min(1, requested < 0 ? 1 : requested), $"job {row["id"]}: predicted {predicted} < 1 s");
        }

        // Tsafrir's predictor must have predicted below the request for some jobs, and some must have
        // outlived their predictions: otherwise this run shows nothing.
        Assert.Contains(rows, row => Seconds(row["predicted"]) < Seconds(row["requested_time"]));
        Assert.Contains(rows, row => row["corrections"] != "0");
    }

    [Fact]
    public void Simulate_UserHistoryTrace_PredictsTheFloorOfTheMeanAndCorrectsTwice()
    {
        // Jobs 1 and 2: no history, predicted = request 1000. Job 3: floor((101 + 200) / 2) = 150; it runs
        // 250 s: 150 -> 210 (1 min) -> 450 (5 min): two corrections.
        var trace = directory.File("history.swf");
        File.WriteAllText(trace, UserHistoryTrace);
        var output = directory.File("run");

        var run = CliRun.Of("simulate", trace, "--policy", "backfill/easy++", "--out", output, "--quiet");

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(output, "jobs.csv"));
        Assert.Equal(
            [
                PredictionColumnsHeader,
                "1,0,0,101,0,101,1,1000,1,0,7,1000,0",
                "2,0,0,200,0,200,1,1000,1,0,7,1000,0",
                "3,300,300,550,0,250,1,1000,1,0,7,150,2",
            ],
            lines);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var prediction = summary.RootElement.GetProperty("prediction");
        Assert.Equal(2, prediction.GetProperty("corrections").GetInt64());

        // |1000 - 101| + |1000 - 200| + |150 - 250| = 1799 over 3 jobs; one of three under-predicted.
        Assert.Equal(Math.Round(1799 / 3.0, 6), prediction.GetProperty("mae").GetDouble());
        Assert.Equal(Math.Round(1 / 3.0, 6), prediction.GetProperty("underprediction_rate").GetDouble());
    }

    [Fact]
    public void Simulate_Clairvoyant_LabelsTheRunAnOracleAndPlansWithTheTruth()
    {
        var output = directory.File("run");

        var run = CliRun.Of("simulate", "synthetic:lublin", "--jobs", "300", "--procs", "64", "--policy", "backfill/easy++", "--predictor", "predictor/clairvoyant", "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("planned with predictor/clairvoyant (ORACLE: given the true run times)", run.Output, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.True(summary.RootElement.GetProperty("oracle").GetBoolean());
        Assert.True(summary.RootElement.GetProperty("prediction").GetProperty("oracle").GetBoolean());
        Assert.Equal("predictor/clairvoyant", summary.RootElement.GetProperty("prediction").GetProperty("predictor").GetString());
        Assert.Equal(0, summary.RootElement.GetProperty("prediction").GetProperty("corrections").GetInt64());
        foreach (var row in ReadJobs(output))
        {
            Assert.Equal("0", row["corrections"]);
            if (Seconds(row["run"]) >= 1)
            {
                Assert.Equal(row["run"], row["predicted"]);
            }
        }
    }

    [Fact]
    public void Simulate_EasyWithPredictor_AddsThePredictionColumnsToo()
    {
        var trace = directory.File("history.swf");
        File.WriteAllText(trace, UserHistoryTrace);
        var output = directory.File("run");

        var run = CliRun.Of("simulate", trace, "--policy", "backfill/easy", "--predictor", "predictor/request", "--corrector", "corrector/request", "--out", output, "--quiet");

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(output, "jobs.csv"));
        Assert.Equal(PredictionColumnsHeader, lines[0]);
        Assert.Equal("3,300,300,550,0,250,1,1000,1,0,7,1000,0", lines[3]);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal("corrector/request", summary.RootElement.GetProperty("prediction").GetProperty("corrector").GetString());
    }

    [Fact]
    public void Simulate_EasyWithoutPredictor_HasNoPredictionOutputs()
    {
        var trace = directory.File("history.swf");
        File.WriteAllText(trace, UserHistoryTrace);
        var output = directory.File("run");

        Assert.Equal(0, CliRun.Of("simulate", trace, "--policy", "backfill/easy", "--out", output, "--quiet").ExitCode);

        Assert.Equal("id,submit,start,end,wait,run,procs,requested_time,bsld,backfilled,user", File.ReadAllLines(Path.Combine(output, "jobs.csv"))[0]);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.False(summary.RootElement.TryGetProperty("prediction", out _));
        Assert.False(summary.RootElement.TryGetProperty("oracle", out _));
    }

    [Fact]
    public void Simulate_PredictorTypo_ExitsWithUsageAndSuggests()
    {
        var output = directory.File("x");

        var run = CliRun.Of("simulate", "synthetic:lublin", "--jobs", "300", "--policy", "backfill/easy++", "--predictor", "predictor/tsafirr", "--out", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown predictor 'predictor/tsafirr'; did you mean 'predictor/tsafrir'?", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Simulate_CorrectorTypo_ExitsWithUsageAndSuggests()
    {
        var run = CliRun.Of("simulate", "synthetic:lublin", "--jobs", "300", "--policy", "backfill/easy++", "--corrector", "corrector/tsafir", "--out", directory.File("x"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("did you mean 'corrector/tsafrir'?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_CorrectorWithoutPredictor_ExitsWithUsage()
    {
        var output = directory.File("x");

        var run = CliRun.Of("simulate", "synthetic:lublin", "--jobs", "300", "--policy", "backfill/easy", "--corrector", "corrector/request", "--out", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--corrector corrector/request needs a predictor", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Simulate_EasyPlusPlusWithAnotherOrder_ExitsWithUsage()
    {
        var output = directory.File("x");

        var run = CliRun.Of("simulate", "synthetic:lublin", "--jobs", "300", "--policy", "backfill/easy++", "--order", "order/sjf", "--out", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--order order/sjf does not apply", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Simulate_EasyPlusPlusWithOrderFcfs_IsAccepted()
    {
        var run = CliRun.Of("simulate", "synthetic:lublin", "--jobs", "50", "--procs", "64", "--policy", "backfill/easy++", "--order", "order/fcfs", "--out", directory.File("run"), "--quiet");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Policies_ListsPredictorsAndCorrectors()
    {
        var run = CliRun.Of("policies");

        Assert.Equal(0, run.ExitCode);
        foreach (var id in new[] { "backfill/easy++", "predictor/request", "predictor/tsafrir", "predictor/clairvoyant", "corrector/tsafrir", "corrector/request", "corrector/quantile" })
        {
            Assert.Contains("  " + id + " ", run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("run-time predictors (--predictor", run.Output, StringComparison.Ordinal);
        Assert.Contains("correctors (--corrector", run.Output, StringComparison.Ordinal);
    }

    private static List<Dictionary<string, string>> ReadJobs(string output)
    {
        var lines = File.ReadAllLines(Path.Combine(output, "jobs.csv"));
        Assert.Equal(PredictionColumnsHeader, lines[0]);
        var names = lines[0].Split(',');
        return lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            Assert.Equal(names.Length, cells.Length);
            return names.Zip(cells).ToDictionary(pair => pair.First, pair => pair.Second);
        }).ToList();
    }

    private static double Seconds(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);
}
