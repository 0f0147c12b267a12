using System.Diagnostics;
using Augur.Service.Executors.Slurm;
using Augur.Service.Store;

namespace Augur.Service.Tests.Executors.Slurm;

public sealed class SbatchCommandTests
{
    [Fact]
    public void Arguments_OneNodeJob_PinsItAndSendsOutputToItsRunFolder()
    {
        var job = Job(processors: 3, memory: 0, gpus: 0, wall: 100);

        var arguments = SbatchCommand.Arguments(job, ["augur-node1"], "debug", "/data/runs/7", "augur-0a1b2c3d-7", TimeSpan.FromSeconds(10));

        // --time: 100 s + 10 s grace + 60 s = 170 s, in whole minutes rounded up: 3.
        Assert.Equal(
            [
                "--parsable", "--hold", "--job-name=augur-0a1b2c3d-7", "--nodelist=augur-node1", "--nodes=1", "--ntasks=3", "--cpus-per-task=1",
                "--chdir=/data/runs/7", "--output=/data/runs/7/stdout", "--error=/data/runs/7/stderr", "--no-requeue",
                "--partition=debug", "--time=3", "/data/runs/7/job.sh",
            ],
            arguments);
    }

    [Fact]
    public void Arguments_TwoNodesWithMemoryAndGpus_SplitsMemoryPerNode()
    {
        var job = Job(processors: 12, memory: 1001, gpus: 2, wall: null);

        var arguments = SbatchCommand.Arguments(job, ["a", "b"], null, "/r", "n", TimeSpan.Zero);

        // --mem is per node: 1001 MiB over 2 nodes is 500.5, rounded up to 501. No wall time: no --time.
        Assert.Contains("--nodelist=a,b", arguments);
        Assert.Contains("--nodes=2", arguments);
        Assert.Contains("--mem=501", arguments);
        // --gpus is the job's total over its nodes (--gres=gpu:2 would give 2 on each node, 4 in all).
        Assert.Contains("--gpus=2", arguments);
        Assert.DoesNotContain(arguments, argument => argument.StartsWith("--gres", StringComparison.Ordinal));
        Assert.DoesNotContain(arguments, argument => argument.StartsWith("--time", StringComparison.Ordinal) || argument.StartsWith("--partition", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1L, 0, 2L)]
    [InlineData(60L, 0, 2L)]
    [InlineData(61L, 0, 3L)]
    [InlineData(3600L, 30, 62L)]
    public void TimeLimitMinutes_WallTimeGraceAndAMinute_RoundsUp(long wall, int grace, long expected)
    {
        Assert.Equal(expected, SbatchCommand.TimeLimitMinutes(wall, TimeSpan.FromSeconds(grace)));
    }

    [Fact]
    public void Script_ArgumentsWithQuotesAndDollars_ReachTheProgramUnchanged()
    {
        string[] words = ["it's", "$HOME", "a b", "\"q\"", "`x`"];
        var job = new JobRecord(7, new JobSpecification("p", "printf", ["%s|", .. words], false, 1, 0, 0, null, "alice", [], false), JobState.Running, 0);

        var output = RunScript(SbatchCommand.Script(job));

        Assert.Equal(string.Concat(words.Select(word => word + "|")), output);
    }

    [Fact]
    public void Script_Shell_RunsTheCommandWithShC()
    {
        var job = new JobRecord(7, new JobSpecification("p", "echo one; echo 'two'", [], true, 1, 0, 0, null, "alice", [], false), JobState.Running, 0);

        Assert.Equal("one\ntwo\n", RunScript(SbatchCommand.Script(job)));
    }

    private static string RunScript(string script)
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "job.sh");
        File.WriteAllText(path, script);
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", [path]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private static JobRecord Job(int processors, long memory, int gpus, long? wall) =>
        new(7, new JobSpecification("job", "true", [], false, processors, memory, gpus, wall, "alice", [], false), JobState.Running, 0);
}
