using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Simulation.Gpu;

/// <summary>
/// A GPU schedule: per job (by index) its first start and its end (<see cref="Instant.MaxValue"/> if it never
/// started), the nodes and GPUs (global numbers) of its last run, whether the cross-node slowdown applied to
/// any of its runs, and how often it was preempted. A preempted job's run (end minus first start) includes
/// the time it waited between runs and its checkpoint restores.
/// </summary>
public sealed class GpuSimulationResult
{
    private readonly int[] allocationStart;
    private readonly int[] allocationCount;
    private readonly int[] allocationArena;

    internal GpuSimulationResult(
        GpuWorkload workload,
        GpuClusterSpec cluster,
        string policyId,
        string placementId,
        string? predictorId,
        bool predictorIsOracle,
        GpuSimulationOptions options,
        Instant[] starts,
        Instant[] ends,
        int[] nodesSpanned,
        bool[] slowed,
        int[] preemptions,
        double[] heldGpuSeconds,
        int[] allocationStart,
        int[] allocationCount,
        int[] allocationArena,
        long decisionPoints)
    {
        Workload = workload;
        Cluster = cluster;
        PolicyId = policyId;
        PlacementId = placementId;
        PredictorId = predictorId;
        PredictorIsOracle = predictorIsOracle;
        Options = options;
        Starts = starts;
        Ends = ends;
        NodesSpanned = nodesSpanned;
        Slowed = slowed;
        Preemptions = preemptions;
        HeldGpuSeconds = heldGpuSeconds;
        this.allocationStart = allocationStart;
        this.allocationCount = allocationCount;
        this.allocationArena = allocationArena;
        DecisionPoints = decisionPoints;
    }

    public GpuWorkload Workload { get; }

    public GpuClusterSpec Cluster { get; }

    public string PolicyId { get; }

    public string PlacementId { get; }

    /// <summary>The predictor the policy planned with, if any (<c>predictor/clairvoyant</c> is an oracle).</summary>
    public string? PredictorId { get; }

    /// <summary>True when the predictor was handed the true run times: the run is an upper bound, not a result.</summary>
    public bool PredictorIsOracle { get; }

    public GpuSimulationOptions Options { get; }

    public IReadOnlyList<Instant> Starts { get; }

    public IReadOnlyList<Instant> Ends { get; }

    /// <summary>Nodes each job's placement spanned (0 if it never started).</summary>
    public IReadOnlyList<int> NodesSpanned { get; }

    /// <summary>True for a job that ran slower because it was spread over more nodes than it needed.</summary>
    public IReadOnlyList<bool> Slowed { get; }

    /// <summary>How many times each job was preempted.</summary>
    public IReadOnlyList<int> Preemptions { get; }

    /// <summary>GPU-seconds each job held over all its runs, restores included (a share counts in proportion).</summary>
    public IReadOnlyList<double> HeldGpuSeconds { get; }

    /// <summary>Policy calls: one per instant at which jobs arrived or ended (a job that ends the instant it starts adds one).</summary>
    public long DecisionPoints { get; }

    /// <summary>How the cluster's allocation, fragmentation and power went over the run.</summary>
    public required GpuTimeline Timeline { get; init; }

    /// <summary>
    /// Joules each job was charged over all its runs: its share of each GPU it held at that GPU's full-load
    /// power, restores included (the idle power of capacity nobody holds is charged to no job).
    /// </summary>
    public required IReadOnlyList<double> EnergyJoules { get; init; }

    /// <summary>Fairness while users contended: Jain's indices over windows of the run (<see cref="GpuSimulationOptions.FairnessWindow"/>).</summary>
    public required GpuWindowedFairness WindowedFairness { get; init; }

    public bool Started(int job) => Starts[job] != Instant.MaxValue;

    /// <summary>
    /// Whether the job ran to its end. A job preempted and never resumed has started but not finished: it has
    /// no end, so no completion time or run.
    /// </summary>
    public bool Finished(int job) => Ends[job] != Instant.MaxValue;

    /// <summary>Queueing delay: start minus submit.</summary>
    public Duration WaitOf(int job) => Starts[job] - Workload.Jobs[job].Request.Submit;

    /// <summary>Job completion time: end minus submit.</summary>
    public Duration CompletionTimeOf(int job) => Ends[job] - Workload.Jobs[job].Request.Submit;

    public Duration RunOf(int job) => Ends[job] - Starts[job];

    /// <summary>The GPUs job <paramref name="job"/> ran on (empty when it has none or never started).</summary>
    public ReadOnlySpan<int> GpusOf(int job) => allocationArena.AsSpan(allocationStart[job], allocationCount[job]);
}
