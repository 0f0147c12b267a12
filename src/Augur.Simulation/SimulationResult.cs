using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Time;
using Augur.Simulation.Predictions;

namespace Augur.Simulation;

/// <summary>
/// A simulated schedule: for every job of the workload, when it started and ended, and whether it was
/// backfilled or killed at its requested time. Arrays are indexed by job index.
/// </summary>
public sealed class SimulationResult
{
    internal SimulationResult(Workload workload, ClusterSpec cluster, string policyId, Instant[] starts, Instant[] ends, bool[] backfilled, bool[] killed, long events, PredictionRecord? prediction = null)
    {
        Workload = workload;
        Cluster = cluster;
        PolicyId = policyId;
        Starts = starts;
        Ends = ends;
        Backfilled = backfilled;
        Killed = killed;
        Events = events;
        Prediction = prediction;
        for (var i = 0; i < starts.Length; i++)
        {
            if (starts[i] == Instant.MaxValue)
            {
                NeverStarted++;
            }
        }
    }

    public Workload Workload { get; }

    public ClusterSpec Cluster { get; }

    public string PolicyId { get; }

    /// <summary>Start of each job; <see cref="Instant.MaxValue"/> if the policy never started it.</summary>
    public IReadOnlyList<Instant> Starts { get; }

    public IReadOnlyList<Instant> Ends { get; }

    public IReadOnlyList<bool> Backfilled { get; }

    /// <summary>Jobs that ran past their requested time and were killed there.</summary>
    public IReadOnlyList<bool> Killed { get; }

    /// <summary>The predictions the run planned with; null when it planned with requested times.</summary>
    public PredictionRecord? Prediction { get; }

    /// <summary>Events handled (submissions, terminations, wake-ups, estimate expiries).</summary>
    public long Events { get; }

    /// <summary>Jobs still waiting when no event was left (a policy that never started them).</summary>
    public int NeverStarted { get; }

    public Duration WaitOf(int job) => Starts[job] - Workload.Jobs[job].Request.Submit;

    public Duration RunOf(int job) => Ends[job] - Starts[job];
}
