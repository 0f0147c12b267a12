using Augur.Core.Time;
using Augur.Service.Store;

namespace Augur.Service.Driver;

public sealed partial class LiveScheduler
{
    /// <summary>The machine's use over the last hour (the dashboard's chart); recorded at every change.</summary>
    public UtilizationHistory History { get; } = new();

    /// <summary>The latest jobs to end, with their planned and actual run times.</summary>
    public FinishedJobs Finished { get; } = new();

    /// <summary>Per-user counts of queued and running jobs.</summary>
    public UserLoads Users { get; } = new();

    /// <summary>Keeps an end for the dashboard; <paramref name="startMicroseconds"/> is null for a job that never ran (no start, no run time).</summary>
    private void RecordEnd(LiveJob live, JobState state, long? startMicroseconds, long endMicroseconds)
    {
        var specification = live.Record.Specification;
        Finished.Add(new FinishedJob(
            live.Record.Id,
            specification.User,
            specification.Name,
            state,
            live.Record.SubmitMicroseconds,
            startMicroseconds,
            endMicroseconds,
            estimator is not null && live.InitialEstimate != Duration.MaxValue ? live.InitialEstimate.TotalSeconds : null,
            specification.WallTimeSeconds));
    }
}
