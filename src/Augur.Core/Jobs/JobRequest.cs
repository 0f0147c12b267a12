using Augur.Core.Time;

namespace Augur.Core.Jobs;

/// <summary>
/// Everything a scheduler may know about a job when it is submitted. The truth about the job (how long it
/// really runs, what it really uses) lives in <see cref="JobOutcome"/>, which only a driver holds: no
/// policy or predictor can reach it through this type.
/// </summary>
public sealed class JobRequest
{
    public const int Unknown = -1;

    public JobRequest(
        int index,
        long id,
        Instant submit,
        int processors,
        Duration? requestedTime,
        long requestedMemoryKilobytes = Unknown,
        JobFeatures? features = null)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "A job's index is its position in the workload.");
        }

        if (processors <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(processors), processors, "A job needs at least one processor.");
        }

        if (requestedTime is { } requested && requested <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(requestedTime), requested, "A requested time must be positive.");
        }

        Index = index;
        Id = id;
        Submit = submit;
        Processors = processors;
        HasRequestedTime = requestedTime.HasValue;
        RequestedTime = requestedTime ?? Duration.MaxValue;
        RequestedMemoryKilobytes = requestedMemoryKilobytes;
        Features = features ?? JobFeatures.None;
    }

    /// <summary>Dense position in the workload (0..n-1): the key of every per-job array.</summary>
    public int Index { get; }

    /// <summary>The job's id as the trace or the user gave it.</summary>
    public long Id { get; }

    public Instant Submit { get; }

    public int Processors { get; }

    /// <summary>False when the user gave no wall-time limit; then <see cref="RequestedTime"/> is unbounded.</summary>
    public bool HasRequestedTime { get; }

    /// <summary>The user's wall-time limit (the estimate backfilling plans with); a resource manager kills the job there.</summary>
    public Duration RequestedTime { get; }

    public long RequestedMemoryKilobytes { get; }

    public JobFeatures Features { get; }

    public override string ToString() => $"job {Id}";
}
