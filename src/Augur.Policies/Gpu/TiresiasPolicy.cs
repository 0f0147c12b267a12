using Augur.Core.Scheduling.Gpu;
using Augur.Core.Time;

namespace Augur.Policies.Gpu;

/// <summary>
/// <c>gpu/tiresias</c>: discretized two-dimensional least-attained-service (Gu et al., "Tiresias: A GPU
/// Cluster Manager for Distributed Deep Learning", NSDI'19). A job's attained service is the GPU-seconds it
/// has held (GPUs times time, the two dimensions); queue k holds the jobs whose attained service lies between
/// thresholds k - 1 and k. At each decision, jobs are admitted queue by queue (lower first), running jobs of a
/// queue before its waiting ones and waiting ones in the order they entered the queue, while their GPUs fit in
/// the cluster's total; running jobs not admitted are preempted, admitted waiting jobs start where the
/// placement finds room. No run time is predicted or known. The policy wakes itself when a running job will
/// cross its queue's threshold.
/// </summary>
public sealed class TiresiasPolicy : IGpuPolicy
{
    /// <summary>The default queue thresholds: one, at one GPU-hour, so two queues (a modelling choice, configurable).</summary>
    public static readonly IReadOnlyList<double> DefaultThresholds = [3600];

    private readonly double[] thresholds;
    private readonly List<int> toPreempt = [];
    private readonly List<int> toStart = [];
    private GpuWaitingQueue[] queues = [];
    private int[] queueOf = [];

    public TiresiasPolicy(IReadOnlyList<double>? thresholds = null)
    {
        this.thresholds = [.. thresholds ?? DefaultThresholds];
        for (var i = 0; i < this.thresholds.Length; i++)
        {
            if (!(this.thresholds[i] > (i == 0 ? 0 : this.thresholds[i - 1])))
            {
                throw new ArgumentException("Queue thresholds must be positive and increasing.", nameof(thresholds));
            }
        }
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
        }

        foreach (var job in context.Arrived)
        {
            queueOf[job] = 0;
            queues[0].Add(job);
        }

        Admit(context);
        foreach (var job in toPreempt)
        {
            context.Preempt(job);
            queueOf[job] = QueueFor(context.AttainedGpuSeconds(job));
            queues[queueOf[job]].Add(job);
        }

        foreach (var job in toStart)
        {
            if (context.TryStart(job))
            {
                queues[queueOf[job]].Remove(job);
            }
        }

        WakeAtNextDemotion(context);
    }

    /// <summary>Fills <see cref="toPreempt"/> and <see cref="toStart"/>: admission in priority order within the cluster's GPUs.</summary>
    private void Admit(GpuSchedulingContext context)
    {
        toPreempt.Clear();
        toStart.Clear();
        var budget = (long)context.State.GpuCount * 1000;
        for (var q = 0; q < queues.Length; q++)
        {
            foreach (var job in context.Running)
            {
                if (QueueFor(context.AttainedGpuSeconds(job)) != q)
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
                    toPreempt.Add(job);
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

    private void WakeAtNextDemotion(GpuSchedulingContext context)
    {
        var earliest = long.MaxValue;
        foreach (var job in context.Running)
        {
            var attained = context.AttainedGpuSeconds(job);
            var q = QueueFor(attained);
            var gpus = context.Jobs[job].Resources.TotalGpuMilli / 1000.0;
            if (q < thresholds.Length && gpus > 0)
            {
                // Seconds until GPUs x time reaches the threshold, rounded up to the microsecond.
                var microseconds = (long)Math.Ceiling((thresholds[q] - attained) / gpus * 1e6);
                earliest = Math.Min(earliest, Math.Max(1, microseconds));
            }
        }

        if (earliest != long.MaxValue)
        {
            context.WakeAt(context.Now + new Duration(earliest));
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
