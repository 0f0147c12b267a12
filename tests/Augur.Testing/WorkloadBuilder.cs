using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Testing;

/// <summary>
/// Builds small workloads for hand-computed schedules, in whole seconds:
/// <c>new WorkloadBuilder().Job(submit: 0, processors: 4, run: 100, requested: 200).Build()</c>.
/// Jobs are numbered 1, 2, 3, ... in the order <see cref="Job"/> is called unless an id is given; the
/// built workload lists them in submission order (ties keep call order) with indexes 0..n-1.
/// </summary>
public sealed class WorkloadBuilder
{
    private readonly List<JobSpec> jobs = [];

    /// <summary>Jobs added so far.</summary>
    public int Count => jobs.Count;

    /// <summary>Adds a job.</summary>
    /// <param name="submit">Submit time, seconds since the origin.</param>
    /// <param name="processors">Processors the job needs.</param>
    /// <param name="run">True run time, seconds (what the driver holds; may exceed the request).</param>
    /// <param name="requested">Requested wall time, seconds; null for a job without one.</param>
    /// <param name="id">The job's id; the call's ordinal (1-based) when null.</param>
    /// <param name="user">The user (a feature); -1 for unknown.</param>
    public WorkloadBuilder Job(long submit, int processors, long run, long? requested = null, long? id = null, int user = -1)
    {
        jobs.Add(new JobSpec(
            id ?? (jobs.Count + 1),
            Instant.FromSeconds(submit),
            processors,
            Duration.FromSeconds(run),
            requested is { } r ? Duration.FromSeconds(r) : null,
            user));
        return this;
    }

    /// <summary>Adds a job with times in microseconds (for sub-second cases).</summary>
    public WorkloadBuilder JobMicroseconds(long submit, int processors, long run, long? requested = null, long? id = null, int user = -1)
    {
        jobs.Add(new JobSpec(
            id ?? (jobs.Count + 1),
            new Instant(submit),
            processors,
            new Duration(run),
            requested is { } r ? new Duration(r) : null,
            user));
        return this;
    }

    /// <summary>The workload: jobs in submission order (stable), indexes 0..n-1.</summary>
    public Workload Build(string name = "test", int? machineProcessors = null)
    {
        var ordered = jobs
            .Select((job, position) => (Job: job, Position: position))
            .OrderBy(entry => entry.Job.Submit.Microseconds)
            .ThenBy(entry => entry.Position)
            .Select(entry => entry.Job)
            .ToList();
        var built = new List<WorkloadJob>(ordered.Count);
        for (var index = 0; index < ordered.Count; index++)
        {
            var spec = ordered[index];
            var features = new JobFeatures(spec.User, -1, -1, -1, -1);
            var request = new JobRequest(index, spec.Id, spec.Submit, spec.Processors, spec.Requested, features: features);
            built.Add(new WorkloadJob(request, new JobOutcome(spec.Run)));
        }

        return new Workload(name, built, machineProcessors);
    }

    private sealed record JobSpec(long Id, Instant Submit, int Processors, Duration Run, Duration? Requested, int User);
}
