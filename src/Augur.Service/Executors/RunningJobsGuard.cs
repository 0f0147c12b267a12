using System.Globalization;
using Augur.Service.Executors.Local;
using Augur.Service.Executors.Slurm;
using Augur.Service.Store;

namespace Augur.Service.Executors;

/// <summary>
/// Refuses a start under one executor while the store holds running jobs that the other one started: executor/slurm
/// would not find a local job in Slurm and submit it again while its process still runs, and executor/local would
/// find no process for a Slurm job and requeue it while Slurm still runs it. Either way a job would run twice.
/// </summary>
public static class RunningJobsGuard
{
    private const int IdsNamed = 10;

    /// <summary>Throws <see cref="ExecutorMismatchException"/> naming the jobs when another executor runs some.</summary>
    public static void Check(JobStore store, string executorId)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(executorId);
        var foreign = new List<long>();
        string? startedBy = null;
        foreach (var record in store.InState(JobState.Running))
        {
            // A job without a pid or a Slurm id was being started when the service stopped; recovery ends it as lost.
            var owner = record.SlurmJobId is not null ? SlurmExecutor.ExecutorId
                : record.ProcessId is not null ? LocalExecutor.ExecutorId
                : null;
            if (owner is not null && owner != executorId)
            {
                foreign.Add(record.Id);
                startedBy = owner;
            }
        }

        if (foreign.Count == 0)
        {
            return;
        }

        var named = string.Join(", ", foreign.Take(IdsNamed).Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var more = foreign.Count > IdsNamed ? $" and {foreign.Count - IdsNamed} more" : string.Empty;
        throw new ExecutorMismatchException(
            $"the data folder has {foreign.Count} running job(s) started by {startedBy} (ids {named}{more}); "
            + $"start augur serve with --executor {startedBy} until they end, so that none runs twice under {executorId}");
    }
}
