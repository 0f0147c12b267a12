using Augur.Service.Executors;
using Augur.Service.Store;

namespace Augur.Service.Tests.Executors;

public sealed class RunningJobsGuardTests
{
    private static readonly JobSpecification Specification = new("job", "true", [], false, 1, 0, 0, 60, "alice", [], Requeue: false);

    [Fact]
    public async Task Check_LocalJobRunningAndSlurmAsked_RefusesNamingTheJobAndTheExecutor()
    {
        using var folder = new TemporaryFolder();
        using var store = new JobStore(Path.Combine(folder.Path, "augur.db"));
        var local = await Running(store);
        store.SetProcess(local, 4242, 77);

        var failure = Assert.Throws<ExecutorMismatchException>(() => RunningJobsGuard.Check(store, "executor/slurm"));

        Assert.Equal(
            $"the data folder has 1 running job(s) started by executor/local (ids {local}); start augur serve with --executor executor/local until they end, so that none runs twice under executor/slurm",
            failure.Message);
    }

    [Fact]
    public async Task Check_SlurmJobRunningAndLocalAsked_Refuses()
    {
        using var folder = new TemporaryFolder();
        using var store = new JobStore(Path.Combine(folder.Path, "augur.db"));
        var slurm = await Running(store);
        store.SetSlurmJob(slurm, 17);

        var failure = Assert.Throws<ExecutorMismatchException>(() => RunningJobsGuard.Check(store, "executor/local"));

        Assert.Contains("started by executor/slurm (ids 1)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_OwnJobsAndAJobCaughtStarting_PassesForRecoveryToHandle()
    {
        using var folder = new TemporaryFolder();
        using var store = new JobStore(Path.Combine(folder.Path, "augur.db"));
        var slurm = await Running(store);
        store.SetSlurmJob(slurm, 17);
        await Running(store);

        // The second job has neither a pid nor a Slurm id (the service stopped while starting it): recovery ends it as lost.
        RunningJobsGuard.Check(store, "executor/slurm");
    }

    private static async Task<long> Running(JobStore store)
    {
        var id = (await store.SubmitAsync(Specification, null, "hash", 0)).Job.Id;
        Assert.True(store.MarkStarting(id, 10, null));
        return id;
    }
}
