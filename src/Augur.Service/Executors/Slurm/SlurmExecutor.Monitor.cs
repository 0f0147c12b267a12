using System.Globalization;
using Augur.Service.Store;

namespace Augur.Service.Executors.Slurm;

public sealed partial class SlurmExecutor
{
    private readonly List<SlurmTrackedJob> snapshot = [];
    private TimeSpan backoff = TimeSpan.Zero;
    private long retryAtMicroseconds;
    private string? unavailable;

    /// <summary>
    /// The executor's thread: submissions (after a look-up where an earlier answer was lost), cancels, then one
    /// squeue for every job it follows. A call slurmctld does not answer ends the round and delays the next.
    /// </summary>
    private void Monitor()
    {
        while (!disposed)
        {
            if (Now() >= retryAtMicroseconds)
            {
                snapshot.Clear();
                lock (gate)
                {
                    snapshot.AddRange(jobs.Values);
                }

                // Each step stops the round when slurmctld does not answer; the next round comes after the backoff.
                try
                {
                    _ = Submit() && Cancel() && Follow() && CancelCopies();
                }
                catch (SlurmOutputException exception)
                {
                    // An answer Augur cannot read must not take the service down: say so, and ask again later.
                    Backoff(exception.Message);
                }
            }

            bool following;
            lock (gate)
            {
                following = jobs.Count > 0;
            }

            var now = Now();
            if (retryAtMicroseconds > now)
            {
                wake.WaitOne(TimeSpan.FromTicks((retryAtMicroseconds - now) * 10));
            }
            else if (following)
            {
                wake.WaitOne(settings.PollInterval);
            }
            else
            {
                wake.WaitOne();
            }
        }
    }

    /// <summary>Runs a client; while slurmctld does not answer, records that and returns null.</summary>
    private SlurmCommandResult? Call(string program, IReadOnlyList<string> arguments)
    {
        var result = settings.Client.Run(program, arguments);
        return Answered(result) ? result : null;
    }

    /// <summary>False (and the next attempt delayed, twice as long each time) when slurmctld did not answer.</summary>
    private bool Answered(SlurmCommandResult result)
    {
        if (result.TimedOut || IsConnectionFailure(result))
        {
            Backoff($"slurmctld does not answer ({result.Describe()})");
            return false;
        }

        if (unavailable is not null)
        {
            log.WriteLine("augur serve: executor/slurm: Slurm answers again");
            unavailable = null;
        }

        backoff = TimeSpan.Zero;
        return true;
    }

    /// <summary>Delays the next round, twice as long as the last time up to the longest backoff; logs the first of a series.</summary>
    private void Backoff(string reason)
    {
        backoff = backoff == TimeSpan.Zero ? settings.PollInterval : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, settings.LongestBackoff.Ticks));
        retryAtMicroseconds = Now() + (backoff.Ticks / 10);
        if (unavailable != reason)
        {
            log.WriteLine($"augur serve: executor/slurm: {reason}; retrying, at most every {settings.LongestBackoff.TotalSeconds:0} s");
        }

        unavailable = reason;
    }

    private static bool IsConnectionFailure(SlurmCommandResult result) =>
        result.ExitCode != 0 && SbatchOutcome.Classify(result).Result == SbatchResult.Uncertain;

    /// <summary>Submits the jobs that have no Slurm id yet; false when slurmctld stopped answering.</summary>
    private bool Submit()
    {
        foreach (var job in snapshot)
        {
            bool needsLookup;
            JobState? stopping;
            string? stopReason;
            lock (gate)
            {
                if (job.SlurmJobId is not null)
                {
                    continue;
                }

                needsLookup = job.NeedsLookup;
                stopping = job.Stopping;
                stopReason = job.StopReason;
            }

            if (needsLookup)
            {
                if (!LookUp(job))
                {
                    return false;
                }

                lock (gate)
                {
                    if (job.SlurmJobId is not null || !jobs.ContainsKey(job.Record.Id))
                    {
                        continue;
                    }
                }
            }

            if (stopping is { } state)
            {
                // Stopped before it ever reached Slurm: it ends now, without running.
                End(job, new JobEnding(state, Now(), null, null, $"{stopReason} (before Slurm started it)"));
                continue;
            }

            if (!SubmitOne(job))
            {
                return false;
            }
        }

        return true;
    }

    private bool SubmitOne(SlurmTrackedJob job)
    {
        var nodes = job.Shares.Select(share => settings.Cluster.Nodes[share.Node].Name).ToList();
        var folder = RunFolder(job.Record.Id);
        var arguments = SbatchCommand.Arguments(job.Record, nodes, settings.Cluster.Partition, folder, JobName(job.Record.Id), grace);
        var environment = JobEnvironment(job.Record.Id, folder);
        var result = settings.Client.Run("sbatch", arguments, environment);
        var outcome = SbatchOutcome.Classify(result);
        switch (outcome.Result)
        {
            case SbatchResult.Submitted:
                Answered(result);
                Record(job, outcome.SlurmJobId!.Value);
                return Release(outcome.SlurmJobId.Value);
            case SbatchResult.Rejected:
                Answered(result);
                log.WriteLine($"augur serve: executor/slurm: job {job.Record.Id}: {outcome.Message}");
                End(job, new JobEnding(JobState.Failed, Now(), null, null, outcome.Message));
                return true;
            default:
                // The job may exist (the answer, not the request, may have been lost): find it by name before
                // submitting it again.
                lock (gate)
                {
                    job.NeedsLookup = true;
                    job.MayHaveCopies = true;
                }

                log.WriteLine($"augur serve: executor/slurm: job {job.Record.Id}: sbatch uncertain ({outcome.Message}); looking it up before submitting again");
                return Answered(result);
        }
    }

    /// <summary>
    /// Finds a job by its unique name in squeue (every state slurmctld still holds) and, for a job adopted at a
    /// restart, in the jobcomp log. False when slurmctld does not answer.
    /// </summary>
    private bool LookUp(SlurmTrackedJob job)
    {
        var name = JobName(job.Record.Id);
        var result = Call("squeue", ["-h", "--states=all", $"--name={name}", "-o", SlurmJobParser.SqueueFormat]);
        if (result is null)
        {
            return false;
        }

        var found = result.Succeeded ? SlurmJobParser.ParseSqueue(result.Output, settings.TimeZone).Where(info => info.Name == name).ToList() : [];
        if (!result.Succeeded)
        {
            log.WriteLine($"augur serve: executor/slurm: looking up job {job.Record.Id}: {result.Describe()}");
            return false;
        }

        if (found.Count > 0)
        {
            // Several would mean two submissions got through: follow the first, cancel the others.
            var first = found.MinBy(info => info.JobId)!;
            foreach (var extra in found.Where(info => info.JobId != first.JobId))
            {
                log.WriteLine($"augur serve: executor/slurm: job {job.Record.Id} was submitted twice; cancelling Slurm job {extra.JobId}");
                Call("scancel", [extra.JobId.ToString(CultureInfo.InvariantCulture)]);
            }

            Record(job, first.JobId);
            return Release(first.JobId);
        }

        if (job.Recovered)
        {
            if (FromJobCompletionLog(name, null) is { } ended)
            {
                End(job, SlurmStates.Ending(ended, job.Stopping, job.StopReason, Now()));
                return true;
            }

            if (settings.JobCompletionLog is null && !job.Record.Specification.Requeue)
            {
                // Without the jobcomp log, a job slurmctld has forgotten (MinJobAge) may have run already.
                End(job, new JobEnding(JobState.Lost, Now(), null, null, "the service stopped while submitting it to Slurm, and Slurm does not know it now; without a jobcomp log Augur cannot tell whether it ran"));
                return true;
            }
        }

        lock (gate)
        {
            job.NeedsLookup = false;
        }

        return true;
    }

    private void Record(SlurmTrackedJob job, long slurmJobId)
    {
        lock (gate)
        {
            job.SlurmJobId = slurmJobId;
            job.NeedsLookup = false;
        }

        store.SetSlurmJob(job.Record.Id, slurmJobId);
        log.WriteLine($"augur serve: job {job.Record.Id} is Slurm job {slurmJobId}");
    }

    /// <summary>
    /// Lets a held job run (scontrol release), once its id is in the store. False when slurmctld does not answer;
    /// a release that fails otherwise (the job already ended, say) is left to the next squeue to sort out.
    /// </summary>
    private bool Release(long slurmJobId) =>
        Call("scontrol", ["release", slurmJobId.ToString(CultureInfo.InvariantCulture)]) is not null;

    /// <summary>
    /// Cancels the copies of jobs whose sbatch was uncertain: jobs with the same name but not the recorded id,
    /// still held (they were never released), found by one squeue over their names. False when slurmctld does not answer.
    /// </summary>
    private bool CancelCopies()
    {
        var byName = new Dictionary<string, long>(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var job in jobs.Values)
            {
                if ((job.MayHaveCopies || job.Recovered) && job.SlurmJobId is { } id)
                {
                    byName[JobName(job.Record.Id)] = id;
                }
            }
        }

        if (byName.Count == 0)
        {
            return true;
        }

        var result = Call("squeue", ["-h", "--states=all", $"--name={string.Join(',', byName.Keys)}", "-o", SlurmJobParser.SqueueFormat]);
        if (result is null || !result.Succeeded)
        {
            return result is not null;
        }

        foreach (var info in SlurmJobParser.ParseSqueue(result.Output, settings.TimeZone))
        {
            if (byName.TryGetValue(info.Name, out var recorded) && info.JobId != recorded && !SlurmStates.IsFinal(info.State))
            {
                log.WriteLine($"augur serve: executor/slurm: Slurm job {info.JobId} is a copy of Slurm job {recorded} ({info.Name}) from an uncertain sbatch; cancelling it before it runs");
                if (Call("scancel", [info.JobId.ToString(CultureInfo.InvariantCulture)]) is null)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The service's environment minus AUGUR_ variables, plus the job's id and run folder (as executor/local gives).</summary>
    private static Dictionary<string, string?> JobEnvironment(long jobId, string folder)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (key.StartsWith("AUGUR_", StringComparison.Ordinal))
            {
                environment[key] = null;
            }
        }

        environment["AUGUR_JOB_ID"] = jobId.ToString(CultureInfo.InvariantCulture);
        environment["AUGUR_RUN_DIR"] = folder;
        return environment;
    }

    /// <summary>Sends scancel for each stop not yet sent; false when slurmctld stopped answering.</summary>
    private bool Cancel()
    {
        foreach (var job in snapshot)
        {
            long slurmJobId;
            lock (gate)
            {
                if (job.Stopping is null || job.CancelSent || job.SlurmJobId is not { } id)
                {
                    continue;
                }

                slurmJobId = id;
            }

            var result = Call("scancel", [slurmJobId.ToString(CultureInfo.InvariantCulture)]);
            if (result is null)
            {
                return false;
            }

            if (!result.Succeeded)
            {
                log.WriteLine($"augur serve: executor/slurm: cancelling job {job.Record.Id}: {result.Describe()}");
            }

            lock (gate)
            {
                job.CancelSent = true;
            }
        }

        return true;
    }
}
