using Augur.Core.Scheduling.Gpu;

namespace Augur.Policies.Gpu;

/// <summary>
/// <c>gpu/srtf</c>: preemptive shortest remaining time first on the run's predictions. A job's remaining time
/// is its predicted run time minus the time it has held its resources (never below 0; a job that outlives its
/// prediction has 0 left and is never preempted). Waiting jobs are taken in order of remaining time (ties:
/// earlier arrival first). The first one is placed on the free resources or, failing that, by preempting running
/// jobs whose remaining time is strictly longer than its own, longest first (ties: the later arrival first),
/// and only when their resources let it be placed (<see cref="GpuPreemptionPlan"/>); a job that cannot be
/// placed even so blocks the ones behind it, as in <see cref="GpuShortestJobFirstPolicy"/>. Preempted jobs wait
/// with their remaining time. Remaining times of running jobs all fall at the same rate and waiting ones stand
/// still, so the order only changes when jobs arrive or end: the policy needs no wake-ups.
/// </summary>
public sealed class ShortestRemainingTimeFirstPolicy : IGpuPolicy
{
    private readonly JobHeap queue = new();
    private readonly List<int> victims = [];
    private Victim[] candidates = new Victim[64];

    public string Id => "gpu/srtf";

    public bool NeedsPredictions => true;

    /// <summary>Predicted time left in microseconds: predicted run time minus time held, at least 0.</summary>
    public static long Remaining(GpuSchedulingContext context, int job)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Math.Max(0, context.PredictedRunTime(job).Microseconds - context.AttainedRunTime(job).Microseconds);
    }

    public void Decide(GpuSchedulingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var job in context.Arrived)
        {
            queue.Push(Remaining(context, job), job);
        }

        if (queue.Count == 0)
        {
            return;
        }

        var plan = context.Plan;
        plan.Begin();
        while (queue.Count > 0)
        {
            var job = queue.PeekJob;
            if (!plan.TryStart(job) && !plan.TryStart(job, LongerThan(context, queue.PeekKey)))
            {
                break;
            }

            queue.Pop();
        }

        plan.Commit();
        foreach (var job in plan.Preempted)
        {
            queue.Push(Remaining(context, job), job);
        }

        // What the preempted jobs left unused may fit the next jobs in order.
        if (plan.Preempted.Count > 0)
        {
            queue.StartWhileTheyFit(context);
        }
    }

    /// <summary>Running jobs with more than <paramref name="remaining"/> left, longest first, ties to the later arrival.</summary>
    private List<int> LongerThan(GpuSchedulingContext context, long remaining)
    {
        var count = 0;
        foreach (var job in context.Running)
        {
            var left = Remaining(context, job);
            if (left > remaining)
            {
                if (count == candidates.Length)
                {
                    Array.Resize(ref candidates, count * 2);
                }

                candidates[count++] = new Victim(left, job);
            }
        }

        Array.Sort(candidates, 0, count);
        victims.Clear();
        for (var i = 0; i < count; i++)
        {
            victims.Add(candidates[i].Job);
        }

        return victims;
    }

    /// <summary>Sorts longest remaining first, then later arrival (higher index) first.</summary>
    private readonly record struct Victim(long Remaining, int Job) : IComparable<Victim>
    {
        public int CompareTo(Victim other) =>
            Remaining != other.Remaining ? other.Remaining.CompareTo(Remaining) : other.Job.CompareTo(Job);
    }
}
