using System.Globalization;
using Augur.Service.Store;

namespace Augur.Service.Executors.Slurm;

public sealed partial class SlurmExecutor
{
    // Pending reasons that mean the job's pinned nodes or partition cannot run it (a node went down, was
    // drained or removed): waiting would hold its processors for nothing, so Augur cancels it and it fails.
    private static readonly HashSet<string> Unstartable = new(StringComparer.Ordinal)
    {
        "ReqNodeNotAvail", "NodeDown", "PartitionDown", "PartitionInactive", "PartitionNodeLimit", "PartitionConfig", "BadConstraints", "InvalidAccount", "InvalidQOS",
    };

    /// <summary>One squeue for every job with a Slurm id; ends the jobs Slurm reports final. False when slurmctld does not answer.</summary>
    private bool Follow()
    {
        var followed = new List<(SlurmTrackedJob Job, long SlurmJobId)>();
        lock (gate)
        {
            foreach (var job in snapshot)
            {
                if (job.SlurmJobId is { } id && jobs.ContainsKey(job.Record.Id))
                {
                    followed.Add((job, id));
                }
            }
        }

        if (followed.Count == 0)
        {
            return true;
        }

        var ids = string.Join(',', followed.Select(pair => pair.SlurmJobId.ToString(CultureInfo.InvariantCulture)));
        var result = Call("squeue", ["-h", "--states=all", $"--jobs={ids}", "-o", SlurmJobParser.SqueueFormat]);
        if (result is null)
        {
            return false;
        }

        IReadOnlyList<SlurmJobInfo> known;
        if (result.Succeeded)
        {
            known = SlurmJobParser.ParseSqueue(result.Output, settings.TimeZone);
        }
        else if (result.Error.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
        {
            // squeue refuses the whole list when slurmctld knows none of them (all older than MinJobAge).
            known = [];
        }
        else
        {
            log.WriteLine($"augur serve: executor/slurm: following jobs: {result.Describe()}");
            return true;
        }

        var byId = new Dictionary<long, SlurmJobInfo>();
        foreach (var info in known)
        {
            byId[info.JobId] = info;
        }

        foreach (var (job, slurmJobId) in followed)
        {
            if (!Observe(job, slurmJobId, byId.GetValueOrDefault(slurmJobId)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Acts on what squeue said of one job; false when slurmctld stopped answering.</summary>
    private bool Observe(SlurmTrackedJob job, long slurmJobId, SlurmJobInfo? info)
    {
        var now = Now();
        if (info is null)
        {
            // slurmctld has forgotten it: the jobcomp log may still say how it ended.
            var logged = FromJobCompletionLog(null, slurmJobId);
            End(job, logged is not null
                ? SlurmStates.Ending(logged, job.Stopping, job.StopReason, now)
                : new JobEnding(job.Stopping ?? JobState.Completed, now, null, null, $"Slurm no longer knows job {slurmJobId} and no completion record was found: its exit status is unknown"));
            return true;
        }

        if (SlurmStates.IsFinal(info.State))
        {
            // squeue has no exit code: scontrol has, while slurmctld still holds the job.
            var detail = Call("scontrol", ["show", "job", "-o", slurmJobId.ToString(CultureInfo.InvariantCulture)]);
            if (detail is null)
            {
                return false;
            }

            var full = detail.Succeeded ? SlurmJobParser.ParseScontrol(detail.Output, settings.TimeZone).FirstOrDefault(j => j.JobId == slurmJobId) : null;
            full ??= FromJobCompletionLog(null, slurmJobId) ?? info;
            End(job, SlurmStates.Ending(full, job.Stopping, job.StopReason, now));
            return true;
        }

        var state = SlurmStates.Base(info.State);
        if (state == "PENDING" && info.Reason == "JobHeldUser" && job.Stopping is null)
        {
            // Still held: the release after sbatch did not get through (or the service stopped before it).
            return Release(slurmJobId);
        }

        lock (gate)
        {
            if (state == "RUNNING" && info.StartMicroseconds is { } start && job.DeadlineMicroseconds == long.MaxValue && job.Record.Specification.WallTimeSeconds is { } wall)
            {
                job.DeadlineMicroseconds = start + (wall * 1_000_000);
            }

            if (job.Stopping is null && now >= job.DeadlineMicroseconds)
            {
                // Augur's own limit: Slurm's is only a backstop (a minute later, and its kill takes long).
                job.Stopping = JobState.Timeout;
                job.StopReason = $"reached its wall-time limit of {job.Record.Specification.WallTimeSeconds} s";
            }
            else if (state == "PENDING" && info.Reason is { } reason && IsUnstartable(reason))
            {
                job.UnstartableSinceMicroseconds ??= now;
                if (job.Stopping is null && now - job.UnstartableSinceMicroseconds >= settings.UnstartableGrace.Ticks / 10)
                {
                    job.Stopping = JobState.Failed;
                    job.StopReason = $"Slurm could not start it on {string.Join(',', job.Shares.Select(share => settings.Cluster.Nodes[share.Node].Name))} for {settings.UnstartableGrace.TotalSeconds:0} s ({reason})";
                }
            }
            else
            {
                job.UnstartableSinceMicroseconds = null;
            }
        }

        return true;
    }

    /// <summary>
    /// squeue's %r is the reason code ("ReqNodeNotAvail, UnavailableNodes:n1") or, when slurmctld wrote one, its
    /// description: a job released from a hold onto a drained node says "Nodes required for job are DOWN, DRAINED
    /// or reserved for jobs in higher priority partitions".
    /// </summary>
    private static bool IsUnstartable(string reason) =>
        Unstartable.Contains(reason.Split(',')[0]) || reason.StartsWith("Nodes required for job are DOWN", StringComparison.Ordinal);

    /// <summary>
    /// A job's line in the jobcomp log, by name or by Slurm id (the last one, if it was logged twice); null without
    /// a log, before its first end (no file yet), or when the log does not list it. A log that exists but cannot be
    /// read throws <see cref="SlurmOutputException"/>: the round stops and is retried after the backoff, so a job is
    /// neither submitted again nor ended as "unknown" on a read error.
    /// </summary>
    private SlurmJobInfo? FromJobCompletionLog(string? name, long? slurmJobId)
    {
        if (settings.JobCompletionLog is not { } path)
        {
            return null;
        }

        var skipped = new List<string>();
        List<SlurmJobInfo> ends;
        try
        {
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            ends = SlurmJobParser.ReadJobcomp(reader, path, settings.TimeZone, skipped);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // slurmctld creates the file at the first end: no job has ended yet.
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SlurmOutputException($"cannot read the jobcomp log {path}: {exception.Message}", exception);
        }

        if (skipped.Count > 0)
        {
            log.WriteLine($"augur serve: executor/slurm: skipped {skipped.Count} unreadable line(s) of the jobcomp log; the first: {skipped[0]}");
        }

        for (var i = ends.Count - 1; i >= 0; i--)
        {
            var info = ends[i];
            if ((name is null || info.Name == name) && (slurmJobId is null || info.JobId == slurmJobId))
            {
                return info;
            }
        }

        return null;
    }
}
