using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Prediction;
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
/// sees run times. A policy may preempt a running job: it keeps the work done (minus any restore time not
/// yet over), gives back its resources and waits again; each resumption first spends the checkpoint-restore
/// time. A job's progress runs at 1 / slowdown while its placement spans more nodes than it needs.
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
    private readonly long[] remaining;
    private readonly Instant[] runStart;
    private readonly long[] restoreOfRun;
    private readonly double[] factorOfRun;
    private readonly long[] endSequence;
    private readonly double[] attainedBefore;
    private readonly long[] heldBefore;
    private readonly IGpuPredictor? predictor;
    private readonly long[]? predictions;
    private readonly int[] preemptions;
    private readonly GpuTimeline timeline;
    private readonly double[] energyBefore;
    private readonly double[] wattsOfRun;
    private readonly GpuFairnessWindows fairness;
    private readonly HashSet<long> pendingWakeUps = [];
    private int[] arena;
    private int arenaUsed;
    private long sequence;
    private long decisionPoints;
    private Instant now;
    private bool wokeUpNow;

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

        // A negative restore would end a resumed job before it started.
        if (this.options.CheckpointRestore < Duration.Zero)
        {
            throw new ArgumentException($"The checkpoint-restore time must be at least 0, not {this.options.CheckpointRestore}.", nameof(options));
        }

        if (this.options.FairnessWindow <= Duration.Zero)
        {
            throw new ArgumentException($"The fairness window must be longer than 0, not {this.options.FairnessWindow}.", nameof(options));
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
        this.predictions = predictions;
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
        remaining = new long[count];
        runStart = new Instant[count];
        restoreOfRun = new long[count];
        factorOfRun = new double[count];
        endSequence = new long[count];
        attainedBefore = new double[count];
        heldBefore = new long[count];
        preemptions = new int[count];
        energyBefore = new double[count];
        wattsOfRun = new double[count];
        timeline = new GpuTimeline(state, workload, this.options.Power);
        fairness = new GpuFairnessWindows(workload, this.options.FairnessWindow);
        for (var i = 0; i < count; i++)
        {
            remaining[i] = workload.Jobs[i].RunTime.Microseconds;
        }
    }

    /// <summary>
    /// A run whose predictions come from <paramref name="predictor"/>, asked at each job's submission and
    /// taught at each job's end (submissions at an instant are applied before the ends at that instant, so a
    /// prediction never uses a job that ends at the same instant).
    /// </summary>
    public GpuSimulator(GpuWorkload workload, GpuClusterSpec cluster, IGpuPolicy policy, IGpuPlacement placement, IGpuPredictor predictor, GpuSimulationOptions? options = null)
        : this(workload, cluster, policy, placement, options, new long[(workload ?? throw new ArgumentNullException(nameof(workload))).Count], (predictor ?? throw new ArgumentNullException(nameof(predictor))).Id)
    {
        this.predictor = predictor;
    }

    public GpuSimulationResult Run()
    {
        var jobs = workload.Jobs;
        var next = 0;
        var finished = 0;

        // Once every job has finished, the policy's pending wake-ups can change nothing: the run ends at its last
        // finish, not at a wake-up after it (which would add idle energy and timeline past the makespan).
        while ((next < jobs.Count || ends.Count > 0) && finished < jobs.Count)
        {
            var submitAt = next < jobs.Count ? jobs[next].Request.Submit.Microseconds : long.MaxValue;
            var endAt = ends.Count > 0 ? ends.Peek().Time : long.MaxValue;
            now = new Instant(Math.Min(submitAt, endAt));
            context.Advance(now);
            fairness.AdvanceTo(now);
            wokeUpNow = false;

            // An instant holding only stale ends (of runs since preempted) changed nothing the policy sees, so it
            // is no decision point (docs/gpu.md: one decision per instant at which jobs arrive or end).
            var changed = false;

            // Everything that happens at this instant is applied before the one decision: the order among
            // submissions (workload order) and ends (heap order) cannot change what the policy then sees.
            while (next < jobs.Count && jobs[next].Request.Submit == now)
            {
                if (predictor is not null)
                {
                    predictions![next] = Math.Max(0, predictor.Predict(jobs[next].Request, now).Microseconds);
                }

                (placement as IGpuRequestObserver)?.Submitted(jobs[next].Request.Resources);
                timeline.JobWaits(next);
                fairness.JobWaits(next, now);
                context.Submit(next++);
                changed = true;
            }

            while (ends.Count > 0 && ends.Peek().Time == now.Microseconds)
            {
                var happened = ends.Pop();
                if (happened.Kind == DecisionTrigger.WakeUp)
                {
                    pendingWakeUps.Remove(happened.Time);
                    wokeUpNow = true;
                    changed = true;
                    continue;
                }

                // The end of a run that was preempted is stale: the job's later run has its own end.
                var ended = happened.Job;
                if (happened.Sequence != endSequence[ended])
                {
                    continue;
                }

                state.Release(jobs[ended].Request.Resources, arena.AsSpan(allocationStart[ended], allocationCount[ended]), NodeOfHostOnly(ended));
                timeline.PlacementChanged(arena.AsSpan(allocationStart[ended], allocationCount[ended]), NodeOfHostOnly(ended));
                context.MarkEnded(ended);
                fairness.RunStops(ended, now, jobs[ended].Request.Resources.TotalGpuMilli, wattsOfRun[ended]);
                attainedBefore[ended] += (now - runStart[ended]).TotalSeconds * jobs[ended].Request.Resources.TotalGpuMilli / 1000.0;
                heldBefore[ended] += (now - runStart[ended]).Microseconds;
                energyBefore[ended] += (now - runStart[ended]).TotalSeconds * wattsOfRun[ended];
                remaining[ended] = 0;
                finishes[ended] = now;
                finished++;
                predictor?.Learn(jobs[ended].Request, jobs[ended].RunTime, now);
                changed = true;
            }

            if (!changed)
            {
                continue;
            }

            decisionPoints++;
            policy.Decide(context);
            timeline.Sample(now);
        }

        return new GpuSimulationResult(
            workload, cluster, policy.Id, placement.Id, predictorId, predictorIsOracle, options, starts, finishes, nodesSpanned, slowed, preemptions, attainedBefore,
            allocationStart, allocationCount, arena, decisionPoints)
        {
            Timeline = timeline,
            EnergyJoules = energyBefore,
            WindowedFairness = fairness.Finish(now),
        };
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

        context.MarkStarted(job);
        timeline.JobLeavesQueue(job);
        fairness.JobLeavesQueue(job, now);
        var gpus = allocation.Gpus;
        state.Apply(request.Resources, gpus, allocation.Node);
        timeline.PlacementChanged(gpus, allocation.Node);
        Keep(job, gpus, allocation.Node);
        wattsOfRun[job] = WattsOf(request.Resources, gpus);
        fairness.RunStarts(job, now, request.Resources.TotalGpuMilli, wattsOfRun[job]);
        var spanned = state.NodesSpanned(gpus);
        var needed = Math.Max(1, (request.Resources.Gpus + cluster.LargestNodeGpus - 1) / Math.Max(1, cluster.LargestNodeGpus));
        var factor = spanned > needed ? options.SpreadSlowdown : 1.0;
        var restore = preemptions[job] > 0 ? options.CheckpointRestore.Microseconds : 0;
        var work = factor > 1 ? checked((long)Math.Round(remaining[job] * factor, MidpointRounding.AwayFromZero)) : remaining[job];
        slowed[job] |= factor > 1;
        if (starts[job] == Instant.MaxValue)
        {
            starts[job] = now;
        }

        runStart[job] = now;
        restoreOfRun[job] = restore;
        factorOfRun[job] = factor;
        var end = now + new Duration(restore + work);
        finishes[job] = end;
        nodesSpanned[job] = spanned;
        endSequence[job] = sequence;
        ends.Push(new SimulationEvent(end.Microseconds, DecisionTrigger.Termination, sequence++, job));
    }

    /// <inheritdoc />
    public void Preempt(int job)
    {
        if ((uint)job >= (uint)workload.Count || !context.Running.Contains(job))
        {
            throw new InvalidDecisionException($"{policy.Id} preempted job number {job}, which is not running (at {now}).");
        }

        var request = workload.Jobs[job].Request;
        var ran = (now - runStart[job]).Microseconds;

        // Work done in this run: the time after the restore, at the run's speed; never more than was left.
        var progress = Math.Max(0, ran - restoreOfRun[job]);
        var done = factorOfRun[job] > 1 ? (long)Math.Floor(progress / factorOfRun[job]) : progress;
        remaining[job] -= Math.Min(remaining[job], done);
        attainedBefore[job] += ran / 1e6 * request.Resources.TotalGpuMilli / 1000.0;
        heldBefore[job] += ran;
        energyBefore[job] += ran / 1e6 * wattsOfRun[job];
        state.Release(request.Resources, arena.AsSpan(allocationStart[job], allocationCount[job]), NodeOfHostOnly(job));
        timeline.PlacementChanged(arena.AsSpan(allocationStart[job], allocationCount[job]), NodeOfHostOnly(job));
        context.MarkPreempted(job);
        fairness.RunStops(job, now, request.Resources.TotalGpuMilli, wattsOfRun[job]);
        timeline.JobWaits(job);
        fairness.JobWaits(job, now);
        timeline.JobPreempted();
        endSequence[job] = -1;
        finishes[job] = Instant.MaxValue;
        preemptions[job]++;
    }

    /// <inheritdoc />
    public void WakeAt(Instant instant)
    {
        if (instant < now)
        {
            throw new InvalidDecisionException($"{policy.Id} asked to wake at {instant}, before now ({now}).");
        }

        // A wake-up at now asked while deciding on a wake-up at now would be answered by the same decision
        // again, forever: it is already being served, so it is dropped (as the live service does).
        if (instant == now && wokeUpNow)
        {
            return;
        }

        if (pendingWakeUps.Add(instant.Microseconds))
        {
            ends.Push(new SimulationEvent(instant.Microseconds, DecisionTrigger.WakeUp, sequence++, -1));
        }
    }

    /// <inheritdoc />
    public double AttainedGpuSeconds(int job)
    {
        var attained = attainedBefore[job];
        if (context.Running.Contains(job))
        {
            attained += (now - runStart[job]).TotalSeconds * workload.Jobs[job].Request.Resources.TotalGpuMilli / 1000.0;
        }

        return attained;
    }

    /// <inheritdoc />
    public Duration AttainedRunTime(int job) =>
        new(heldBefore[job] + (context.Running.Contains(job) ? (now - runStart[job]).Microseconds : 0));

    /// <inheritdoc />
    public void CopyAllocation(int job, GpuAllocation into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if ((uint)job >= (uint)workload.Count || !context.Running.Contains(job))
        {
            throw new InvalidDecisionException($"{policy.Id} asked where job number {job} runs, but it is not running (at {now}).");
        }

        into.Clear();
        if (allocationCount[job] == 0)
        {
            into.SetNode(arena[allocationStart[job]]);
            return;
        }

        foreach (var gpu in arena.AsSpan(allocationStart[job], allocationCount[job]))
        {
            into.AddGpu(gpu);
        }
    }

    /// <inheritdoc />
    public double AttainedEnergyJoules(int job)
    {
        var attained = energyBefore[job];
        if (context.Running.Contains(job))
        {
            attained += (now - runStart[job]).TotalSeconds * wattsOfRun[job];
        }

        return attained;
    }

    /// <summary>
    /// The watts a run is charged: its share of each GPU it holds at that GPU's full load. A GPU's power is
    /// idle + (max - idle) x share held = share x max + (1 - share) x idle, so the jobs on it are charged
    /// share x max and the idle power of the share nobody holds is charged to no job.
    /// </summary>
    private double WattsOf(in GpuRequest request, ReadOnlySpan<int> gpus)
    {
        var watts = 0.0;
        foreach (var gpu in gpus)
        {
            watts += timeline.MaxWattsOf(gpu) * request.GpuMilli / GpuRequest.WholeGpuMilli;
        }

        return watts;
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
        foreach (var job in workload.Jobs)
        {
            var resources = job.Request.Resources;
            var available = GpuPlaceability.AcceptedGpus(cluster, resources.Models);
            if (resources.Gpus > available)
            {
                var what = resources.Models is null ? "GPUs" : $"{resources.Models} GPUs";
                throw new ArgumentException($"{job.Request} needs {resources.Gpus} {what} but the cluster has {available}; give a larger cluster or filter the job out.", nameof(workload));
            }

            // CPU and memory too: a job no idle node can host would wait forever and, under a blocking queue, hold every
            // job behind it. This also builds each model set's table of accepted model ids for this cluster before the
            // run, so the placements' model checks allocate nothing during it.
            if (GpuPlaceability.WhyNever(cluster, resources) is { } reason)
            {
                throw new ArgumentException($"{job.Request} can never be placed: {reason}; give a larger cluster or filter the job out.", nameof(workload));
            }
        }
    }
}
