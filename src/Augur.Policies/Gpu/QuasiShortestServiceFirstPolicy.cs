using Augur.Core.Scheduling.Gpu;

namespace Augur.Policies.Gpu;

/// <summary>
/// <c>gpu/qssf</c>: Helios's quasi-shortest-service-first (Hu et al., "Characterization and Prediction of Deep
/// Learning Workloads in Large-Scale GPU Datacenters", SC'21). Jobs are ordered by predicted service, their
/// GPU time: GPUs (a share counts as its fraction) times the run's predicted run time made at submission;
/// ties go to the earlier arrival. Non-preemptive, as in Helios's simulator: jobs start in that order and the
/// first that does not fit blocks the rest. The prediction is the run's predictor: predictor/helios or predictor/group-mean (learned
/// online, docs/gpu.md) or predictor/clairvoyant (the bound).
/// </summary>
public sealed class QuasiShortestServiceFirstPolicy : IGpuPolicy
{
    private readonly JobHeap queue = new();

    public string Id => "gpu/qssf";

    public bool NeedsPredictions => true;

    /// <summary>Predicted GPU time in GPU-microseconds: thousandths of GPUs times microseconds, over 1000, saturating.</summary>
    public static long PredictedGpuTime(long totalGpuMilli, long predictedMicroseconds)
    {
        var product = (Int128)totalGpuMilli * predictedMicroseconds / 1000;
        return product > long.MaxValue ? long.MaxValue : (long)product;
    }

    public void Decide(GpuSchedulingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var job in context.Arrived)
        {
            queue.Push(PredictedGpuTime(context.Jobs[job].Resources.TotalGpuMilli, context.PredictedRunTime(job).Microseconds), job);
        }

        queue.StartWhileTheyFit(context);
    }
}
