using Augur.Core.Jobs;

namespace Augur.Cli.Running;

/// <summary>
/// Sizes a GPU cluster for an offered load: GPUs = ceil(GPU-seconds asked / (load x span)), where the span is
/// the last submission minus the first, raised to the largest job's GPUs so that every job can run.
/// </summary>
public static class GpuClusterSizing
{
    public static int GpusFor(GpuWorkload workload, double load)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var gpuSeconds = 0.0;
        var largest = 1;
        foreach (var job in workload.Jobs)
        {
            gpuSeconds += job.RunTime.TotalSeconds * job.Request.Resources.TotalGpuMilli / 1000.0;
            largest = Math.Max(largest, job.Request.Resources.Gpus);
        }

        var span = (workload.Jobs[^1].Request.Submit - workload.Jobs[0].Request.Submit).TotalSeconds;
        if (span <= 0)
        {
            throw new CommandLineFailureException(ExitCodes.BadInput, "--load needs jobs submitted over a span of time; this trace submits them all at once: give --gpus N");
        }

        var gpus = Math.Ceiling(gpuSeconds / (load * span));
        return gpus >= int.MaxValue ? int.MaxValue : Math.Max(largest, (int)gpus);
    }
}
