using System.Text.Json;

namespace Augur.Cli.Tests.Commands;

public sealed class SimulateCommandTests : IDisposable
{
    private const string SmallTrace = """
        ; MaxProcs: 4
        1 0 -1 100 2 -1 -1 2 200 -1 1 1 1 -1 1 -1 -1 -1
        2 10 -1 100 4 -1 -1 4 200 -1 1 2 1 -1 1 -1 -1 -1
        3 20 -1 50 2 -1 -1 2 60 -1 1 3 1 -1 1 -1 -1 -1
        """;

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Simulate_SmallTrace_WritesTheRunFolderWithTheDocumentedNames()
    {
        var trace = directory.File("small.swf");
        File.WriteAllText(trace, SmallTrace);
        var output = directory.File("run");

        var run = CliRun.Of("simulate", trace, "--policy", "backfill/easy", "--out", output, "--quiet");

        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal(3, root.GetProperty("jobs").GetInt32());
        Assert.Equal("backfill/easy", root.GetProperty("policy").GetString());
        Assert.Equal(trace, root.GetProperty("trace").GetString());
        var metrics = root.GetProperty("metrics");
        foreach (var name in new[] { "wait_mean", "wait_median", "wait_p95", "bsld_mean", "bsld_median", "response_mean", "utilization", "makespan" })
        {
            Assert.True(metrics.TryGetProperty(name, out _), $"summary.json lacks metrics.{name}");
        }

        // Job 1 holds 2 of 4 processors from 0, planned to 200 (its request), really to 100. Job 2 needs all
        // 4: reserved at 200. Job 3 (2 processors, request 60) would end by 80 <= 200: backfilled at 20. Job 1
        // ends at 100 and job 2 starts then.
        var jobs = File.ReadAllLines(Path.Combine(output, "jobs.csv"));
        Assert.Equal("id,submit,start,end,wait,run,procs,requested_time,bsld,backfilled,user", jobs[0]);
        Assert.Equal("1,0,0,100,0,100,2,200,1,0,1", jobs[1]);
        Assert.Equal("2,10,100,200,90,100,4,200,1.9,0,2", jobs[2]);
        Assert.Equal("3,20,20,70,0,50,2,60,1,1,3", jobs[3]);
        Assert.Equal(90 / 3.0, metrics.GetProperty("wait_mean").GetDouble(), 6);

        var schedule = File.ReadAllLines(Path.Combine(output, "schedule.swf")).Where(line => !line.StartsWith(';')).ToArray();
        Assert.Equal("2 10 90 100 4 -1 -1 4 200 -1 1 2 1 -1 1 -1 -1 -1", schedule[1]);
    }

    [Fact]
    public void Simulate_SameInputsTwice_WritesByteIdenticalOutputs()
    {
        var first = directory.File("first");
        var second = directory.File("second");

        Assert.Equal(0, CliRun.Of("simulate", "synthetic:lublin", "--jobs", "2000", "--seed", "7", "--policy", "backfill/conservative", "--out", first, "--quiet").ExitCode);
        Assert.Equal(0, CliRun.Of("simulate", "synthetic:lublin", "--jobs", "2000", "--seed", "7", "--policy", "backfill/conservative", "--out", second, "--quiet").ExitCode);

        foreach (var file in new[] { "summary.json", "jobs.csv", "schedule.swf" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }
    }

    [Fact]
    public void Simulate_UnknownPolicy_ExitsWithUsageAndSuggests()
    {
        var run = CliRun.Of("simulate", "synthetic:lublin", "--policy", "backfill/eazy", "--out", directory.File("x"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown policy 'backfill/eazy'; did you mean 'backfill/easy'?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_UnknownOrder_ExitsWithUsageAndSuggests()
    {
        var run = CliRun.Of("simulate", "synthetic:lublin", "--order", "order/sfj", "--out", directory.File("x"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("did you mean 'order/sjf'?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_MalformedTrace_ExitsWithBadInputAndLocatesTheField()
    {
        var trace = directory.File("bad.swf");
        File.WriteAllText(trace, "; MaxProcs: 4\n1 0 -1 100 2 -1 -1 2 200 -1 1 1 1 -1 1 -1 -1 -1\n2 x -1 100 2 -1 -1 2 200 -1 1 1 1 -1 1 -1 -1 -1\n");

        var run = CliRun.Of("simulate", trace, "--out", directory.File("x"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"{trace}:3: field 2 (submit time): not a number: 'x'", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.File("x")));
    }

    [Fact]
    public void Simulate_MalformedTraceLenient_SkipsAndCountsInTheSummary()
    {
        var trace = directory.File("bad.swf");
        File.WriteAllText(trace, "; MaxProcs: 4\n1 0 -1 100 2 -1 -1 2 200 -1 1 1 1 -1 1 -1 -1 -1\n2 x -1 100 2 -1 -1 2 200 -1 1 1 1 -1 1 -1 -1 -1\n3 5 -1 100\n");
        var output = directory.File("run");

        var run = CliRun.Of("simulate", trace, "--lenient", "--out", output, "--quiet");

        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var skipped = summary.RootElement.GetProperty("input").GetProperty("skipped");
        Assert.Equal(1, skipped.GetProperty("field 2 (submit time): not a number").GetInt32());
        Assert.Equal(1, skipped.GetProperty("wrong field count").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("jobs").GetInt32());
    }

    [Fact]
    public void Simulate_MissingFile_ExitsWithBadInput()
    {
        var run = CliRun.Of("simulate", directory.File("absent.swf"), "--out", directory.File("x"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("cannot open", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_TraceWithoutMaxProcs_ExitsWithBadInputUnlessProcsGiven()
    {
        var trace = directory.File("headless.swf");
        File.WriteAllText(trace, "1 0 -1 100 2 -1 -1 2 200 -1 1 1 1 -1 1 -1 -1 -1\n");

        var without = CliRun.Of("simulate", trace, "--out", directory.File("a"));
        var with = CliRun.Of("simulate", trace, "--procs", "8", "--out", directory.File("b"), "--quiet");

        Assert.Equal(3, without.ExitCode);
        Assert.Contains("no MaxProcs or MaxNodes", without.Error, StringComparison.Ordinal);
        Assert.Equal(0, with.ExitCode);
    }

    [Fact]
    public void Simulate_FilterDropsJobs_CountsThemByReason()
    {
        var trace = directory.File("mixed.swf");
        File.WriteAllText(trace, "; MaxProcs: 4\n1 1 -1 100 2 -1 -1 2 200 -1 1 1 1 -1 1 -1 -1 -1\n2 5 -1 100 8 -1 -1 8 200 -1 1 1 1 -1 1 -1 -1 -1\n3 6 -1 300 2 -1 -1 2 200 -1 1 1 1 -1 1 -1 -1 -1\n");
        var output = directory.File("run");

        var run = CliRun.Of("simulate", trace, "--filter", "sc15", "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("dropped 2 records", run.Output, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var dropped = summary.RootElement.GetProperty("input").GetProperty("dropped");
        Assert.Equal(1, dropped.GetProperty("sc15: processors > MaxProcs").GetInt32());
        Assert.Equal(1, dropped.GetProperty("sc15: requested time < run time").GetInt32());
    }

    [Fact]
    public void Simulate_UnknownSyntheticSource_ExitsWithUsage()
    {
        var run = CliRun.Of("simulate", "synthetic:lublim", "--out", directory.File("x"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("did you mean 'synthetic:lublin'?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_TraceAsOption_IsTheSameAsTheArgument()
    {
        var asOption = directory.File("option");
        var asArgument = directory.File("argument");

        Assert.Equal(0, CliRun.Of("simulate", "--trace", "synthetic:lublin", "--jobs", "300", "--procs", "64", "--seed", "2", "--out", asOption, "--quiet").ExitCode);
        Assert.Equal(0, CliRun.Of("simulate", "synthetic:lublin", "--jobs", "300", "--procs", "64", "--seed", "2", "--out", asArgument, "--quiet").ExitCode);

        Assert.Equal(File.ReadAllBytes(Path.Combine(asArgument, "jobs.csv")), File.ReadAllBytes(Path.Combine(asOption, "jobs.csv")));
    }

    [Fact]
    public void Simulate_NoTrace_ExitsWithUsage()
    {
        var run = CliRun.Of("simulate", "--policy", "backfill/easy");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no trace", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_NonPositiveProcs_ExitsWithUsage()
    {
        Assert.Equal(2, CliRun.Of("simulate", "synthetic:lublin", "--procs", "0").ExitCode);
    }

    [Theory]
    [InlineData("--procs", "abc", "--procs must be a whole number 1 or more, not 'abc'")]
    [InlineData("--procs", "-3", "--procs must be a whole number 1 or more, not '-3'")]
    [InlineData("--jobs", "1.5", "--jobs must be a whole number 1 or more, not '1.5'")]
    public void Simulate_BadNumber_ExitsWithUsageNamingTheOption(string option, string value, string message)
    {
        var run = CliRun.Of("simulate", "synthetic:lublin", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_UnknownOption_ExitsWithUsage()
    {
        var run = CliRun.Of("simulate", "synthetic:lublin", "--polcy", "backfill/easy");

        Assert.Equal(2, run.ExitCode);
    }
}
