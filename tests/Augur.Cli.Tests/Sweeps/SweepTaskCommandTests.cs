using Augur.Cli.Sweeps;

namespace Augur.Cli.Tests.Sweeps;

public sealed class SweepTaskCommandTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void SweepTask_PlanLine_RunsThatRunIntoTheFolderALocalSweepWrites()
    {
        var sweep = WriteSweep("slurm");
        var local = WriteSweep("local");
        var plan = SweepPlan.Of(SweepReader.Read(sweep));
        var planFile = directory.File("plan.txt");
        File.WriteAllLines(planFile, [$"3 {plan.Keys[3]}", $"1 {plan.Keys[1]}"]);

        var task = CliRun.Of("sweep-task", sweep, "--plan", planFile, "--task", "1");
        var localRun = CliRun.Of("sweep", local, "--quiet");

        Assert.Equal(0, task.ExitCode);
        Assert.Equal($"finished {plan.Runs[1].Describe()} in {plan.Folders[1]}\n", task.Output.ReplaceLineEndings("\n"));
        Assert.Equal(0, localRun.ExitCode);

        // Only run 1 was run, into the folder the local sweep uses for it, with the same jobs.csv.
        var name = Path.GetFileName(plan.Folders[1]);
        Assert.Equal([name], Directory.GetDirectories(directory.File("slurm")).Select(Path.GetFileName));
        Assert.Equal(File.ReadAllBytes(Path.Combine(directory.File("local"), name, "jobs.csv")), File.ReadAllBytes(Path.Combine(plan.Folders[1], "jobs.csv")));
        Assert.True(File.Exists(Path.Combine(plan.Folders[1], SweepRunner.MarkerFile)));
    }

    [Fact]
    public void SweepTask_KeyChangedSincePlanned_ExitsWithBadInput()
    {
        var sweep = WriteSweep("out");
        var planFile = directory.File("plan.txt");
        File.WriteAllLines(planFile, ["0 " + new string('a', 64)]);

        var task = CliRun.Of("sweep-task", sweep, "--plan", planFile, "--task", "0");

        Assert.Equal(3, task.ExitCode);
        Assert.Contains($"{planFile}:1: run 0 of {sweep} is not the run planned (the sweep file or a trace changed since the sweep was submitted)", task.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.File("out")));
    }

    [Theory]
    [InlineData("5", "no task 5: the plan has 1 lines")]
    [InlineData("0", ":1: expected 'INDEX KEY', found 'zero key'")]
    public void SweepTask_BadPlan_ExitsWithBadInputNamingThePlan(string taskNumber, string reason)
    {
        var sweep = WriteSweep("out");
        var planFile = directory.File("plan.txt");
        File.WriteAllLines(planFile, ["zero key"]);

        var task = CliRun.Of("sweep-task", sweep, "--plan", planFile, "--task", taskNumber);

        Assert.Equal(3, task.ExitCode);
        Assert.Contains(planFile + (reason.StartsWith(':') ? reason : ": " + reason), task.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_OnSomewhereElse_IsAUsageError()
    {
        var run = CliRun.Of("sweep", WriteSweep("out"), "--on", "cloud");

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void Sweep_PartitionWithoutSlurm_IsAUsageError()
    {
        var run = CliRun.Of("sweep", WriteSweep("out"), "--partition", "debug");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--partition needs --on slurm", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_PathsWithQuotes_AreQuotedForTheShell()
    {
        var script = SweepTaskScript.Of("/data/it's/sweep.yaml", "/data/out/slurm/plan-0123.txt");

        var lines = script.Split('\n');
        Assert.Equal("#!/bin/sh", lines[0]);
        Assert.EndsWith(
            "'sweep-task' '/data/it'\\''s/sweep.yaml' '--plan' '/data/out/slurm/plan-0123.txt' '--task' \"$SLURM_ARRAY_TASK_ID\"",
            lines[2],
            StringComparison.Ordinal);
        Assert.StartsWith("exec '" + SweepTaskScript.AugurCommand()[0] + "'", lines[2], StringComparison.Ordinal);
    }

    private string WriteSweep(string output)
    {
        var path = directory.File(output + ".yaml");
        File.WriteAllText(path, $"""
            traces: ["synthetic:lublin"]
            policies: [queue/fcfs, backfill/easy]
            seeds: [1, 2]
            options: {"{"} jobs: 200, procs: 64 {"}"}
            out: {directory.File(output)}
            """);
        return path;
    }
}
