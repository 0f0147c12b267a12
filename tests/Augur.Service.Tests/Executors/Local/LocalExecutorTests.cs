using Augur.Service.Executors;
using Augur.Service.Executors.Local;
using Augur.Service.Store;

namespace Augur.Service.Tests.Executors.Local;

public sealed class LocalExecutorTests
{
    [Fact]
    public async Task Launch_ExitingProcess_ReportsItsExitCode()
    {
        var exit = await RunAsync(Job("sh", ["-c", "exit 7"], wallTime: 60));
        Assert.Equal(JobState.Failed, exit.Ending.State);
        Assert.Equal(7, exit.Ending.ExitCode);
    }

    [Fact]
    public async Task Launch_ProcessPastItsWallTime_IsTerminatedAsTimeout()
    {
        var exit = await RunAsync(Job("sleep", ["30"], wallTime: 1));
        Assert.Equal(JobState.Timeout, exit.Ending.State);
    }

    [Fact]
    public async Task Launch_ProcessIgnoringSigterm_IsKilledAfterTheGracePeriod()
    {
        var exit = await RunAsync(Job("sh", ["-c", "trap '' TERM; sleep 30"], wallTime: 1));
        Assert.Equal(JobState.Timeout, exit.Ending.State);
        Assert.Contains("signal 9", exit.Ending.Reason ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_ProcessUsingMemory_RecordsItsPeakResidentSet()
    {
        // python3 is not assumed; a shell holding a 64 MiB string in memory for a moment is enough.
        var exit = await RunAsync(Job("sh", ["-c", "x=$(head -c 67108864 /dev/zero | tr '\\0' a); sleep 0.3; echo ${#x}"], wallTime: 60));
        Assert.Equal(JobState.Completed, exit.Ending.State);
        Assert.True(exit.Ending.PeakRssKilobytes > 60 * 1024, $"peak {exit.Ending.PeakRssKilobytes} kB");
    }

    [Fact]
    public void Launch_MissingProgram_ThrowsWithTheSystemsReason()
    {
        using var folder = new TemporaryFolder();
        using var executor = new LocalExecutor(folder.Path, TimeProvider.System, TimeSpan.FromSeconds(1));
        var exception = Assert.Throws<SpawnFailedException>(() => executor.Launch(Job("/no/such/program", [], 60), 0));
        Assert.Contains("No such file", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Launch_AnyJob_OutputIsReadableByTheServicesUserOnly()
    {
        using var folder = new TemporaryFolder();
        var runs = Path.Combine(folder.Path, "runs");
        using var executor = new LocalExecutor(runs, TimeProvider.System, TimeSpan.FromMilliseconds(500));
        var exited = new TaskCompletionSource<ProcessExit>(TaskCreationOptions.RunContinuationsAsynchronously);
        executor.Exited = exit => exited.TrySetResult(exit);

        executor.Launch(Job("echo", ["secret"], 60), 0);
        await exited.Task.WaitAsync(TimeSpan.FromMinutes(3));

        // rw------- for the output files, rwx------ for the runs folder: other accounts on the host read nothing.
        var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(owner, File.GetUnixFileMode(Path.Combine(executor.RunFolder(1), "stdout")));
        Assert.Equal(owner, File.GetUnixFileMode(Path.Combine(executor.RunFolder(1), "stderr")));
        Assert.Equal(owner | UnixFileMode.UserExecute, File.GetUnixFileMode(runs));
    }

    private static JobRecord Job(string command, string[] arguments, long wallTime) =>
        new(1, new JobSpecification("test", command, arguments, false, 1, 0, 0, wallTime, "alice", [], false), JobState.Queued, 0);

    private static async Task<ProcessExit> RunAsync(JobRecord job)
    {
        using var folder = new TemporaryFolder();
        using var executor = new LocalExecutor(folder.Path, TimeProvider.System, TimeSpan.FromMilliseconds(500));
        var exited = new TaskCompletionSource<ProcessExit>(TaskCreationOptions.RunContinuationsAsynchronously);
        executor.Exited = exit => exited.TrySetResult(exit);
        executor.Launch(job, (TimeProvider.System.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10);
        return await exited.Task;
    }
}
