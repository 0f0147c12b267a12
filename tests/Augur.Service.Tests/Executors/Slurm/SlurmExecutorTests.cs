using Augur.Service.Executors.Slurm;
using Augur.Service.Store;

namespace Augur.Service.Tests.Executors.Slurm;

public sealed class SlurmExecutorTests
{
    [Fact]
    public async Task TryAdopt_MoreCpusThanTheModelHasFree_AdoptsEveryJobWithoutThrowing()
    {
        // One usable node of 8 CPUs; two 6-CPU jobs already run in Slurm (the second on a node drained since).
        using var folder = new TemporaryFolder();
        using var store = new JobStore(Path.Combine(folder.Path, "augur.db"));
        var specification = new JobSpecification("job", "true", [], false, 6, 0, 0, 60, "alice", ["a"], Requeue: false);
        var first = (await store.SubmitAsync(specification, null, "hash", 1)).Job;
        var second = (await store.SubmitAsync(specification, null, "hash", 1)).Job;
        var settings = new SlurmSettings
        {
            // A configuration that does not exist: every Slurm call fails, so nothing ends the jobs behind the test's back.
            Client = new SlurmClient(Path.Combine(folder.Path, "missing.conf"), TimeSpan.FromSeconds(5)),
            Cluster = SlurmCluster.FromNodes("debug", [new SlurmNode("n1", 8, 16000, 0, "IDLE", ["debug"])]),
            PollInterval = TimeSpan.FromHours(1),
            LongestBackoff = TimeSpan.FromHours(1),
        };
        var log = new StringWriter();
        using var executor = new SlurmExecutor(settings, store, folder.Path, TimeSpan.FromSeconds(1), TimeProvider.System, log);

        Assert.True(executor.TryAdopt(first with { SlurmJobId = 101 }));
        Assert.True(executor.TryAdopt(second with { SlurmJobId = 102 }));

        Assert.Equal(2, executor.Running);
        Assert.Contains($"adopted job {second.Id} (6 CPUs) does not fit", log.ToString(), StringComparison.Ordinal);
    }
}
