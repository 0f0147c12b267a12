using Augur.Service.Store;

namespace Augur.Service.Executors;

/// <summary>
/// Runs the jobs the scheduler starts and reports their ends: <c>executor/local</c> (child processes of this
/// machine) or <c>executor/slurm</c> (batch jobs of a Slurm cluster). The scheduler marks a job running in the
/// store before it calls <see cref="Launch"/>, so that a crash never starts a job twice.
/// </summary>
public interface IJobExecutor : IDisposable
{
    /// <summary>The stable id (<c>executor/local</c>, <c>executor/slurm</c>).</summary>
    string Id { get; }

    /// <summary>Called (on the executor's own thread) once for each job that ended, however it ended.</summary>
    Action<ProcessExit>? Exited { get; set; }

    /// <summary>
    /// Starts <paramref name="job"/>. Returns its process for the scheduler to store, or null when the executor
    /// starts it asynchronously and records its handle itself (a Slurm job id). Throws
    /// <see cref="LaunchFailedException"/> (or an I/O error) when the job cannot run at all.
    /// </summary>
    LaunchedProcess? Launch(JobRecord job, long startMicroseconds);

    /// <summary>Watches a job that was running before a restart; false if it is known to be gone.</summary>
    bool TryAdopt(JobRecord job);

    /// <summary>Stops a running job; it ends in <paramref name="state"/> with <paramref name="reason"/>. False if the executor does not know it.</summary>
    bool Stop(long jobId, JobState state, string reason);
}
