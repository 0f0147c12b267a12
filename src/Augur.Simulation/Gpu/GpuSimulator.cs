using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Scheduling;
using Augur.Core.Scheduling.Gpu;
using Augur.Core.Time;
using Augur.Simulation.Engine;

namespace Augur.Simulation.Gpu;

/// <summary>
/// The discrete-event driver for GPU clusters: replays submissions in workload order, ends each job at its
/// start plus its true run time (times the cross-node slowdown where it applies), and calls the policy once
/// per instant at which anything happened, after applying all that happened then. It applies and checks the
/// policy's decisions (a job starts once, only while waiting, on resources that are free). Only this class
/// sees run times. Non-preemptive: a started job runs to its end.
/// </summary>
public sealed class GpuSimulator : IGpuSchedulingDriver
{
    private readonly GpuWorkload workload;
    private readonly GpuClusterSpec cluster;
    private readonly IGpuPolicy policy;
    private readonly IGpuPlacement placement;
    private readonly GpuSimulationOptions options;
    private readonly string? predictorId;
    private readonly bool predictorIsOracle;
    private readonly GpuClusterState state;
    private readonly GpuSchedulingContext context;
    private readonly EventHeap ends = new();
    private readonly Instant[] starts;
    private readonly Instant[] finishes;
    private readonly int[] nodesSpanned;
    private readonly bool[] slowed;
    private readonly int[] allocationStart;
    private readonly int[] allocationCount;
    private int[] arena;
    private int arenaUsed;
    private long sequence;
    private long decisionPoints;
    private Instant now;

    /// <param name="workload">The jobs and their run times (only this class reads those).</param>
    /// <param name="cluster">The machine.</param>
    /// <param name="policy">Decides which jobs start.</param>
    /// <param name="placement">Decides where (the policy asks it through the context).</param>
    /// <param name="options">The cross-node slowdown.</param>
    /// <param name="predictions">Each job's predicted run time in microseconds, made by the caller; null without a predictor.</param>
    /// <param name="predictorId">The predictor's id, for the outputs.</param>
    /// <param name="predictorIsOracle">True when the predictions are the truth, handed over on purpose (every output labels the run).</param>
    public GpuSimulator(
        GpuWorkload workload,
        GpuClusterSpec cluster,
        IGpuPolicy policy,
        IGpuPlacement placement,
        GpuSimulationOptions? options = null,
        long[]? predictions = null,
        string? predictorId = null,
        bool predictorIsOracle = false)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(placement);
        this.options = options ?? GpuSimulationOptions.Default;
        if (!(this.options.SpreadSlowdown >= 1) || double.IsInfinity(this.options.SpreadSlowdown))
        {
            throw new ArgumentException($"The cross-node slowdown must be a finite factor of at least 1, not {this.options.SpreadSlowdown}.", nameof(options));
        }

        if (policy.NeedsPredictions && predictions is null)
        {
            throw new ArgumentException($"{policy.Id} orders jobs by predicted run time: give it a predictor.", nameof(predictions));
        }

        if (predictions is not null && predictions.Length != workload.Count)
        {
            throw new ArgumentException($"{predictions.Length} predictions for {workload.Count} jobs.", nameof(predictions));
        }

        this.workload = workload;
        this.cluster = cluster;
        this.policy = policy;
        this.placement = placement;
        this.predictorId = predictorId;
        this.predictorIsOracle = predictorIsOracle;
        CheckEveryJobFits(workload, cluster);
        var count = workload.Count;
        var requests = new GpuJobRequest[count];
        for (var i = 0; i < count; i++)
        {
            requests[i] = workload.Jobs[i].Request;
        }

        state = new GpuClusterState(cluster);
        context = new GpuSchedulingContext(requests, state, placement, this, predictions);
        starts = new Instant[count];
        finishes = new Instant[count];
        Array.Fill(starts, Instant.MaxValue);
        Array.Fill(finishes, Instant.MaxValue);
        nodesSpanned = new int[count];
        slowed = new bool[count];
        allocationStart = new int[count];
        allocationCount = new int[count];
        arena = new int[Math.Max(16, count)];
    }

    public GpuSimulationResult Run()
    {
        var jobs = workload.Jobs;
        var next = 0;
        while (next < jobs.Count || ends.Count > 0)
        {
            var submitAt = next < jobs.Count ? jobs[next].Request.Submit.Microseconds : long.MaxValue;
            var endAt = ends.Count > 0 ? ends.Peek().Time : long.MaxValue;
            now = new Instant(Math.Min(submitAt, endAt));
            context.Advance(now);

            // Everything that happens at this instant is applied before the one decision: the order among
            // submissions (workload order) and ends (heap order) cannot change what the policy then sees.
            while (next < jobs.Count && jobs[next].Request.Submit == now)
            {
                context.Submit(next++);
            }

            while (ends.Count > 0 && ends.Peek().Time == now.Microseconds)
            {
                var ended = ends.Pop().Job;
                state.Release(jobs[ended].Request.Resources, arena.AsSpan(allocationStart[ended], allocationCount[ended]), NodeOfHostOnly(ended));
            }

            decisionPoints++;
            policy.Decide(context);
        }

        return new GpuSimulationResult(
            workload, cluster, policy.Id, placement.Id, predictorId, predictorIsOracle, options, starts, finishes, nodesSpanned, slowed,
            allocationStart, allocationCount, arena, decisionPoints);
    }

    /// <inheritdoc />
    public void Start(int job, GpuAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        if ((uint)job >= (uint)workload.Count)
        {
            throw new InvalidDecisionException($"{policy.Id} started job number {job}, which does not exist.");
        }

        var request = workload.Jobs[job].Request;
        if (!context.Waiting.Contains(job))
        {
            throw new InvalidDecisionException($"{policy.Id} started {request}, which is not waiting (at {now}).");
        }

        if (state.Check(request.Resources, allocation) is { } problem)
        {
            throw new InvalidDecisionException($"{policy.Id} with {placement.Id} placed {request} where it cannot run: {problem} (at {now}).");
        }

        context.Waiting.Remove(job);
        var gpus = allocation.Gpus;
        state.Apply(request.Resources, gpus, allocation.Node);
        Keep(job, gpus, allocation.Node);
        var spanned = state.NodesSpanned(gpus);
        var needed = Math.Max(1, (request.Resources.Gpus + cluster.LargestNodeGpus - 1) / Math.Max(1, cluster.LargestNodeGpus));
        var run = workload.Jobs[job].RunTime;
        if (spanned > needed && options.SpreadSlowdown > 1)
        {
            run = new Duration(checked((long)Math.Round(run.Microseconds * options.SpreadSlowdown, MidpointRounding.AwayFromZero)));
            slowed[job] = true;
        }

        starts[job] = now;
        finishes[job] = now + run;
        nodesSpanned[job] = spanned;
        ends.Push(new SimulationEvent(finishes[job].Microseconds, DecisionTrigger.Termination, sequence++, job));
    }

    /// <summary>Keeps a started job's GPUs in one growing array (a job without GPUs keeps its node, negated and shifted).</summary>
    private void Keep(int job, ReadOnlySpan<int> gpus, int node)
    {
        var needed = gpus.IsEmpty ? 1 : gpus.Length;
        if (arenaUsed + needed > arena.Length)
        {
            Array.Resize(ref arena, Math.Max(arena.Length * 2, arenaUsed + needed));
        }

        allocationStart[job] = arenaUsed;
        if (gpus.IsEmpty)
        {
            arena[arenaUsed++] = node;
            allocationCount[job] = 0;
        }
        else
        {
            gpus.CopyTo(arena.AsSpan(arenaUsed));
            arenaUsed += gpus.Length;
            allocationCount[job] = gpus.Length;
        }
    }

    private int NodeOfHostOnly(int job) => allocationCount[job] == 0 ? arena[allocationStart[job]] : -1;

    private static void CheckEveryJobFits(GpuWorkload workload, GpuClusterSpec cluster)
    {
        var gpusByModel = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in cluster.Nodes)
        {
            gpusByModel[node.GpuModel] = gpusByModel.GetValueOrDefault(node.GpuModel) + node.Gpus;
        }

        foreach (var job in workload.Jobs)
        {
            var resources = job.Request.Resources;
            var available = resources.Model is null ? cluster.TotalGpus : gpusByModel.GetValueOrDefault(resources.Model);
            if (resources.Gpus > available)
            {
                var what = resources.Model is null ? "GPUs" : $"{resources.Model} GPUs";
                throw new ArgumentException($"{job.Request} needs {resources.Gpus} {what} but the cluster has {available}; give a larger cluster or filter the job out.", nameof(workload));
            }
        }
    }
}
