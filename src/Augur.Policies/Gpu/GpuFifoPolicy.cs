using Augur.Core.Scheduling.Gpu;

namespace Augur.Policies.Gpu;

/// <summary>
/// <c>gpu/fifo</c>: jobs start in arrival order; the first job that does not fit blocks the ones behind it
/// (no backfilling, so no job waits behind later arrivals forever).
/// </summary>
public sealed class GpuFifoPolicy : IGpuPolicy
{
    public string Id => "gpu/fifo";

    public bool NeedsPredictions => false;

    public void Decide(GpuSchedulingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.Waiting.First;
        while (job >= 0 && context.TryStart(job))
        {
            job = context.Waiting.First;
        }
    }
}
