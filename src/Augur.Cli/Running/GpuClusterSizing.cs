using System.Globalization;
using Augur.Core.Jobs;

namespace Augur.Cli.Running;

/// <summary>
/// Sizes a GPU cluster for an offered load: GPUs = ceil(GPU-seconds asked / (load x span)), where the span is
/// the last submission minus the first, raised to the largest job's GPUs so that every job can run.
/// </summary>
public static class GpuClusterSizing
{
    /// <summary>
    /// The largest cluster a GPU run builds: the GPU readers' own maximum for one job. Past it the per-GPU arrays
    /// grow to gigabytes and the node count overflows, so a larger size is a usage error rather than a crash.
    /// </summary>
    public const int MaxGpus = 1_000_000;

    /// <summary>Refuses (exit 2) a cluster of more than <see cref="MaxGpus"/> GPUs, naming how it was asked for.</summary>
    public static void CheckSize(double gpus, string askedBy)
    {
        if (gpus > MaxGpus)
        {
            throw new CommandLineFailureException(
                ExitCodes.Usage,
                $"{askedBy} makes a cluster of {gpus.ToString("0", CultureInfo.InvariantCulture)} GPUs, more than the {MaxGpus.ToString(CultureInfo.InvariantCulture)} a GPU run simulates");
        }
    }

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
        CheckSize(gpus, $"--load {load.ToString(CultureInfo.InvariantCulture)}");
        return Math.Max(largest, (int)gpus);
    }
}
