using Augur.Core.Resources;

namespace Augur.Core.Scheduling.Gpu;

/// <summary>
/// Preemptions and starts a policy tries on a trial copy of the free resources before any is applied, so
/// that a running job is preempted only when its resources let the waiting job it makes room for be placed
/// (the GPU count alone does not say: the model, CPU, memory or the node layout may not fit). Use:
/// <see cref="Begin"/>, then <see cref="TryStart"/> per waiting job in priority order, then
/// <see cref="Commit"/>, which has the driver preempt <see cref="Preempted"/> and start <see cref="Started"/>
/// on the placements found. One instance per run; planning allocates nothing once its buffers have grown.
/// </summary>
public sealed class GpuPreemptionPlan
{
    private readonly GpuSchedulingContext context;
    private readonly IGpuSchedulingDriver driver;
    private readonly GpuClusterState trial;
    private readonly GpuAllocation placed = new();
    private readonly GpuAllocation victimAllocation = new();
    private readonly List<int> preempted = [];
    private readonly List<int> started = [];
    private readonly List<int> releasedNow = [];
    private readonly bool[] inPlan;
    private readonly int[] nodeStamp;
    private int[] startGpus = new int[64];
    private readonly List<(int First, int Count, int Node)> startPlacements = [];
    private int startGpusUsed;
    private int stamp;
    private bool trialIsCurrent;

    internal GpuPreemptionPlan(GpuSchedulingContext context, IGpuSchedulingDriver driver)
    {
        this.context = context;
        this.driver = driver;
        trial = new GpuClusterState(context.State.Spec);
        inPlan = new bool[context.Jobs.Count];
        nodeStamp = new int[context.State.NodeCount];
    }

    /// <summary>Running jobs the plan preempts, in the order it chose them.</summary>
    public IReadOnlyList<int> Preempted => preempted;

    /// <summary>Waiting jobs the plan starts, in the order they were placed.</summary>
    public IReadOnlyList<int> Started => started;

    /// <summary>Starts an empty plan on the free resources of now.</summary>
    public void Begin()
    {
        foreach (var job in preempted)
        {
            inPlan[job] = false;
        }

        foreach (var job in started)
        {
            inPlan[job] = false;
        }

        preempted.Clear();
        started.Clear();
        startPlacements.Clear();
        startGpusUsed = 0;
        trialIsCurrent = false;
    }

    /// <summary>
    /// Plans to start waiting job <paramref name="job"/>: where it fits on what is free (after the plan's
    /// earlier steps), else by preempting running jobs from <paramref name="victims"/>, taken in that order
    /// (lowest priority first), until it can be placed. Of the victims that made room, only those on a node
    /// the job is placed on are preempted; the others keep running. When the job cannot be placed even with
    /// every victim gone, nothing is preempted for it and it returns false.
    /// </summary>
    public bool TryStart(int job, IReadOnlyList<int>? victims = null)
    {
        if ((uint)job >= (uint)inPlan.Length || !context.Waiting.Contains(job) || inPlan[job])
        {
            throw new InvalidDecisionException($"A plan started job number {job}, which is not waiting or is already in the plan (at {context.Now}).");
        }

        EnsureTrial();
        var request = context.Jobs[job].Resources;
        if (context.Placement.TryPlace(request, trial, placed))
        {
            Record(job);
            return true;
        }

        if (victims is null)
        {
            return false;
        }

        releasedNow.Clear();
        foreach (var victim in victims)
        {
            if ((uint)victim >= (uint)inPlan.Length || !context.Running.Contains(victim))
            {
                throw new InvalidDecisionException($"A plan preempted job number {victim}, which is not running (at {context.Now}).");
            }

            if (inPlan[victim])
            {
                continue;
            }

            ChangeTrial(victim, release: true);
            releasedNow.Add(victim);
            if (context.Placement.TryPlace(request, trial, placed))
            {
                MarkPlacedNodes();
                foreach (var released in releasedNow)
                {
                    if (SharesANode(released))
                    {
                        inPlan[released] = true;
                        preempted.Add(released);
                    }
                    else
                    {
                        ChangeTrial(released, release: false);
                    }
                }

                Record(job);
                return true;
            }
        }

        foreach (var released in releasedNow)
        {
            ChangeTrial(released, release: false);
        }

        return false;
    }

    /// <summary>Has the driver apply the plan: the preemptions first, then the starts on their planned placements.</summary>
    public void Commit()
    {
        foreach (var job in preempted)
        {
            driver.Preempt(job);
        }

        for (var i = 0; i < started.Count; i++)
        {
            var (first, count, node) = startPlacements[i];
            placed.Clear();
            for (var g = first; g < first + count; g++)
            {
                placed.AddGpu(startGpus[g]);
            }

            if (node >= 0)
            {
                placed.SetNode(node);
            }

            driver.Start(started[i], placed);
        }
    }

    private void EnsureTrial()
    {
        if (!trialIsCurrent)
        {
            trial.CopyFrom(context.State);
            trialIsCurrent = true;
        }
    }

    /// <summary>Takes the placement in <see cref="placed"/> on the trial state and remembers it for <see cref="Commit"/>.</summary>
    private void Record(int job)
    {
        var gpus = placed.Gpus;
        trial.Apply(context.Jobs[job].Resources, gpus, placed.Node);
        if (startGpusUsed + gpus.Length > startGpus.Length)
        {
            Array.Resize(ref startGpus, Math.Max(startGpus.Length * 2, startGpusUsed + gpus.Length));
        }

        gpus.CopyTo(startGpus.AsSpan(startGpusUsed));
        startPlacements.Add((startGpusUsed, gpus.Length, placed.Node));
        startGpusUsed += gpus.Length;
        inPlan[job] = true;
        started.Add(job);
    }

    private void ChangeTrial(int victim, bool release)
    {
        driver.CopyAllocation(victim, victimAllocation);
        var resources = context.Jobs[victim].Resources;
        if (release)
        {
            trial.Release(resources, victimAllocation.Gpus, victimAllocation.Node);
        }
        else
        {
            trial.Apply(resources, victimAllocation.Gpus, victimAllocation.Node);
        }
    }

    private void MarkPlacedNodes()
    {
        stamp++;
        if (placed.Count == 0)
        {
            nodeStamp[placed.Node] = stamp;
        }

        foreach (var gpu in placed.Gpus)
        {
            nodeStamp[trial.NodeOf(gpu)] = stamp;
        }
    }

    private bool SharesANode(int victim)
    {
        driver.CopyAllocation(victim, victimAllocation);
        if (victimAllocation.Count == 0)
        {
            return nodeStamp[victimAllocation.Node] == stamp;
        }

        foreach (var gpu in victimAllocation.Gpus)
        {
            if (nodeStamp[trial.NodeOf(gpu)] == stamp)
            {
                return true;
            }
        }

        return false;
    }
}
