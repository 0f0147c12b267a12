using Augur.Core.Scheduling.Gpu;

namespace Augur.Policies.Gpu;

/// <summary>
/// <c>gpu/sjf</c>: non-preemptive shortest job first on the run's predicted run times (predictor/clairvoyant
/// gives the oracle bound). Jobs start in predicted order, ties by arrival; the first that does not fit
/// blocks the rest, as in <see cref="GpuFifoPolicy"/>.
/// </summary>
public sealed class GpuShortestJobFirstPolicy : IGpuPolicy
{
    private readonly JobHeap queue = new();

    public string Id => "gpu/sjf";

    public bool NeedsPredictions => true;

    public void Decide(GpuSchedulingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var job in context.Arrived)
        {
            queue.Push(context.PredictedRunTime(job).Microseconds, job);
        }

        queue.StartWhileTheyFit(context);
    }
}
