using Augur.Core.Scheduling.Gpu;
using Augur.Core.Time;

namespace Augur.Policies.Gpu;

/// <summary>
/// Tiresias's starvation guard (Gu et al., NSDI'19, section 3.2; the PROMOTEKNOB of its simulator's
/// <c>solve_starvation</c>): a job waiting in a queue below the first (so it has run and been preempted) is
/// promoted to the first queue once the time it has waited since its last preemption reaches
/// <see cref="PromoteKnob"/> times its executed time, the time it has held its GPUs since it arrived or was
/// last promoted (restores included). Promotion also resets its attained service to zero, so it gets the full
/// first threshold again before it is demoted. Off (0) by default, as in the simulator's <c>dlas-gpu</c>.
/// </summary>
public sealed partial class TiresiasPolicy
{
    /// <summary>The default promote knob: 0, the starvation guard off (Tiresias's simulator runs <c>dlas-gpu</c> without it).</summary>
    public const double DefaultPromoteKnob = 0;

    // Per job: GPU-seconds and held time at its last promotion (subtracted), and when it was last preempted.
    private double[] serviceAtPromotion = [];
    private long[] heldAtPromotion = [];
    private long[] promoteAt = [];
    private readonly JobHeap promotions = new();

    /// <summary>The starvation guard's multiple of a job's executed time; 0 when the guard is off.</summary>
    public double PromoteKnob { get; }

    /// <summary>Jobs promoted so far by the starvation guard.</summary>
    public long Promotions { get; private set; }

    private void InitializeStarvationGuard(int jobs)
    {
        serviceAtPromotion = new double[jobs];
        heldAtPromotion = new long[jobs];
        promoteAt = new long[jobs];
        Array.Fill(promoteAt, long.MaxValue);
    }

    /// <summary>The GPU-seconds that place <paramref name="job"/> in a queue: attained since it arrived or was last promoted.</summary>
    private double Service(GpuSchedulingContext context, int job) => context.AttainedGpuSeconds(job) - serviceAtPromotion[job];

    /// <summary>Schedules the promotion of a job just preempted into a lower queue: its wait reaching knob x executed time.</summary>
    private void Preempted(GpuSchedulingContext context, int job)
    {
        if (PromoteKnob == 0 || queueOf[job] == 0)
        {
            promoteAt[job] = long.MaxValue;
            return;
        }

        var executed = context.AttainedRunTime(job).Microseconds - heldAtPromotion[job];
        var wait = (long)Math.Ceiling(Math.Min(PromoteKnob * executed, long.MaxValue / 4));
        promoteAt[job] = context.Now.Microseconds + Math.Max(1, wait);
        promotions.Push(promoteAt[job], job);
    }

    /// <summary>Moves every waiting job whose promotion is due to the back of the first queue, in due order.</summary>
    private void PromoteStarving(GpuSchedulingContext context)
    {
        while (promotions.Count > 0 && promotions.PeekKey <= context.Now.Microseconds)
        {
            var job = promotions.PeekJob;
            var due = promotions.PeekKey;
            promotions.Pop();

            // Stale entries: the job started again (or was promoted) since this one was pushed.
            if (promoteAt[job] != due || !context.Waiting.Contains(job) || queueOf[job] == 0)
            {
                continue;
            }

            queues[queueOf[job]].Remove(job);
            queueOf[job] = 0;
            queues[0].Add(job);
            serviceAtPromotion[job] = context.AttainedGpuSeconds(job);
            heldAtPromotion[job] = context.AttainedRunTime(job).Microseconds;
            promoteAt[job] = long.MaxValue;
            Promotions++;
        }
    }

    /// <summary>The earliest pending promotion, skipping stale entries; long.MaxValue when none.</summary>
    private long NextPromotion(GpuSchedulingContext context)
    {
        while (promotions.Count > 0)
        {
            var job = promotions.PeekJob;
            if (promoteAt[job] == promotions.PeekKey && context.Waiting.Contains(job) && queueOf[job] > 0)
            {
                return promotions.PeekKey;
            }

            promotions.Pop();
        }

        return long.MaxValue;
    }
}
