using Augur.Core.Scheduling.Gpu;
using Augur.Core.Time;

namespace Augur.Policies.Gpu;

/// <summary>
/// <c>gpu/tiresias</c>: discretized two-dimensional least-attained-service (Gu et al., "Tiresias: A GPU
/// Cluster Manager for Distributed Deep Learning", NSDI'19). A job's attained service is the GPU-seconds it
/// has held (GPUs times time, the two dimensions) since it arrived or was last promoted; queue k holds the
/// jobs whose attained service lies between thresholds k - 1 and k. At each decision, jobs are admitted queue
/// by queue (lower first), running jobs of a queue before its waiting ones and waiting ones in the order they
/// entered the queue, while their GPUs fit in the cluster's total. Admitted waiting jobs are then placed in
/// that order; one that does not fit on the free GPUs may preempt running jobs that were not admitted (lowest
/// priority first), and only when their resources let it be placed (<see cref="GpuPreemptionPlan"/>). No run
/// time is predicted or known. The policy wakes itself when a running job will cross its queue's threshold
/// and, with the starvation guard on, when a waiting job is due for promotion (TiresiasPolicy.Starvation.cs).
/// </summary>
public sealed partial class TiresiasPolicy : IGpuPolicy
{
    /// <summary>The default queue thresholds: one, at one GPU-hour, so two queues (a modelling choice, configurable).</summary>
    public static readonly IReadOnlyList<double> DefaultThresholds = [3600];

    private readonly double[] thresholds;
    private readonly List<int> victims = [];
    private readonly List<int> toStart = [];
    private GpuWaitingQueue[] queues = [];
    private int[] queueOf = [];

    /// <param name="thresholds">Attained GPU-seconds at which a job moves down a queue: positive, increasing.</param>
    /// <param name="promoteKnob">The starvation guard's multiple (see <see cref="PromoteKnob"/>); 0 turns it off.</param>
    public TiresiasPolicy(IReadOnlyList<double>? thresholds = null, double promoteKnob = DefaultPromoteKnob)
    {
        this.thresholds = [.. thresholds ?? DefaultThresholds];
        for (var i = 0; i < this.thresholds.Length; i++)
        {
            if (!(this.thresholds[i] > (i == 0 ? 0 : this.thresholds[i - 1])))
            {
                throw new ArgumentException("Queue thresholds must be positive and increasing.", nameof(thresholds));
            }
        }

        if (!(promoteKnob >= 0) || double.IsInfinity(promoteKnob))
        {
            throw new ArgumentOutOfRangeException(nameof(promoteKnob), promoteKnob, "The promote knob is a finite multiple of at least 0 (0: no starvation guard).");
        }

        PromoteKnob = promoteKnob;
    }

    public string Id => "gpu/tiresias";

    public bool NeedsPredictions => false;

    public void Decide(GpuSchedulingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (queues.Length == 0)
        {
            queues = new GpuWaitingQueue[thresholds.Length + 1];
            for (var q = 0; q < queues.Length; q++)
            {
                queues[q] = new GpuWaitingQueue(context.Jobs.Count);
            }

            queueOf = new int[context.Jobs.Count];
            InitializeStarvationGuard(context.Jobs.Count);
        }

        foreach (var job in context.Arrived)
        {
            queueOf[job] = 0;
            queues[0].Add(job);
        }

        PromoteStarving(context);
        Admit(context);
        if (victims.Count == 0)
        {
            foreach (var job in toStart)
            {
                if (context.TryStart(job))
                {
                    queues[queueOf[job]].Remove(job);
                }
            }
        }
        else
        {
            // Lowest priority first: the reverse of the admission order.
            victims.Reverse();
            var plan = context.Plan;
            plan.Begin();
            foreach (var job in toStart)
            {
                plan.TryStart(job, victims);
            }

            plan.Commit();
            foreach (var job in plan.Started)
            {
                queues[queueOf[job]].Remove(job);
            }

            foreach (var job in plan.Preempted)
            {
                queueOf[job] = QueueFor(Service(context, job));
                queues[queueOf[job]].Add(job);
                Preempted(context, job);
            }
        }

        WakeAtNextChange(context);
    }

    /// <summary>Fills <see cref="victims"/> and <see cref="toStart"/>: admission in priority order within the cluster's GPUs.</summary>
    private void Admit(GpuSchedulingContext context)
    {
        victims.Clear();
        toStart.Clear();
        var budget = (long)context.State.GpuCount * 1000;
        for (var q = 0; q < queues.Length; q++)
        {
            foreach (var job in context.Running)
            {
                if (QueueFor(Service(context, job)) != q)
                {
                    continue;
                }

                var need = context.Jobs[job].Resources.TotalGpuMilli;
                if (need <= budget)
                {
                    budget -= need;
                }
                else
                {
                    victims.Add(job);
                }
            }

            // No early exit when the budget reaches zero: a job needing no GPU still fits and must not starve.
            foreach (var job in queues[q])
            {
                var need = context.Jobs[job].Resources.TotalGpuMilli;
                if (need <= budget)
                {
                    budget -= need;
                    toStart.Add(job);
                }
            }
        }
    }

    private void WakeAtNextChange(GpuSchedulingContext context)
    {
        var earliest = long.MaxValue;
        foreach (var job in context.Running)
        {
            var attained = Service(context, job);
            var q = QueueFor(attained);
            var gpus = context.Jobs[job].Resources.TotalGpuMilli / 1000.0;
            if (q < thresholds.Length && gpus > 0)
            {
                // Seconds until GPUs x time reaches the threshold, rounded up to the microsecond.
                var microseconds = (long)Math.Ceiling((thresholds[q] - attained) / gpus * 1e6);
                earliest = Math.Min(earliest, context.Now.Microseconds + Math.Max(1, microseconds));
            }
        }

        earliest = Math.Min(earliest, NextPromotion(context));
        if (earliest != long.MaxValue)
        {
            context.WakeAt(new Instant(earliest));
        }
    }

    private int QueueFor(double attained)
    {
        var q = 0;
        while (q < thresholds.Length && attained >= thresholds[q])
        {
            q++;
        }

        return q;
    }
}
