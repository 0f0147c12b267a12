namespace Augur.Cli.Tests.Commands;

public sealed class PredictCommandTests : IDisposable
{
    // User 1's jobs run 100 s then 300 s; job 3 (submitted after both ended) is predicted their mean, 200 s.
    // Field 7 (used memory, KB): 1000 and 3000, so job 3's memory prediction is 2000 KB; job 4 has none.
    private const string Trace = """
        ; MaxProcs: 8
        1 0 0 100 1 -1 1000 1 1000 4000 1 1 -1 -1 -1 -1 -1 -1
        2 10 0 300 1 -1 3000 1 1000 4000 1 1 -1 -1 -1 -1 -1 -1
        3 400 0 250 1 -1 2500 1 1000 4000 1 1 -1 -1 -1 -1 -1 -1
        4 401 0 250 1 -1 -1 1 1000 4000 1 1 -1 -1 -1 -1 -1 -1
        """;

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Predict_Tsafrir_WritesEveryPredictionAndTheErrorTable()
    {
        var trace = directory.File("small.swf");
        File.WriteAllText(trace, Trace);
        var output = directory.File("predict");

        var run = CliRun.Of("predict", trace, "--predictor", "predictor/tsafrir", "--out", output);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(output, "predictions.csv"));
        Assert.Equal("id,submit,actual,predicted,p10,p50,p90", lines[0]);
        Assert.Equal("3,400,250,200,,,", lines[3]);
        Assert.Contains("predictor/tsafrir", run.Output, StringComparison.Ordinal);
        Assert.Contains("MAE (s)", run.Output, StringComparison.Ordinal);

        // Jobs 1 and 2 are predicted their request (1000 s: errors 900 and 700); 3 and 4 the mean, 200 s
        // (errors 50 and 50): MAE 425 s. Accuracies 0.1, 0.3, 0.8, 0.8: mean 0.5.
        using var accuracy = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "accuracy.json")));
        Assert.Equal(425, accuracy.RootElement.GetProperty("mae").GetDouble());
        Assert.Equal(0.5, accuracy.RootElement.GetProperty("accuracy_mean").GetDouble(), 9);
        Assert.False(accuracy.RootElement.GetProperty("oracle").GetBoolean());
    }

    [Fact]
    public void Predict_MemoryTarget_PredictsKilobytesAndLeavesUnrecordedJobsUnscored()
    {
        var trace = directory.File("small.swf");
        File.WriteAllText(trace, Trace);
        var output = directory.File("memory");

        var run = CliRun.Of("predict", trace, "--predictor", "predictor/tsafrir", "--target", "memory", "--out", output);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(output, "predictions.csv"));
        Assert.Equal("3,400,2500,2000,,,", lines[3]);
        Assert.Equal("4,401,,2000,,,", lines[4]);
        Assert.Contains("3 of 4 jobs scored (memory)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_MemoryWithARunTimeOnlyPredictor_IsAUsageError()
    {
        var trace = directory.File("small.swf");
        File.WriteAllText(trace, Trace);

        var run = CliRun.Of("predict", trace, "--predictor", "predictor/moe", "--target", "memory", "--out", directory.File("x"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("predicts run time only", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_MemoryOnATraceWithoutMemory_StopsWithExitCode3()
    {
        var trace = directory.File("nomemory.swf");
        File.WriteAllText(trace, "; MaxProcs: 8\n1 0 0 100 1 -1 -1 1 1000 -1 1 1 -1 -1 -1 -1 -1 -1\n");

        var run = CliRun.Of("predict", trace, "--predictor", "predictor/tsafrir", "--target", "memory", "--out", directory.File("m"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("records no used memory (SWF field 7)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_MisspelledPredictor_SuggestsTheRightOne()
    {
        var trace = directory.File("small.swf");
        File.WriteAllText(trace, Trace);

        var run = CliRun.Of("predict", trace, "--predictor", "predictor/tsafir");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("predictor/tsafrir", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_MalformedTrace_StopsWithTheLineAndExitCode3()
    {
        var trace = directory.File("bad.swf");
        File.WriteAllText(trace, "1 0 0 100 1 -1 -1 1 1000 -1 1 1 -1 -1 -1 -1 -1\n");

        var run = CliRun.Of("predict", trace, "--predictor", "predictor/tsafrir", "--procs", "8");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("bad.swf:1", run.Error, StringComparison.Ordinal);
    }
}
