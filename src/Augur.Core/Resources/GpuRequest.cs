namespace Augur.Core.Resources;

/// <summary>
/// What a GPU job asks for: either whole GPUs, held together as a gang for the whole run
/// (<see cref="GpuMilli"/> = 1000), or a share of one GPU (<see cref="Gpus"/> = 1, <see cref="GpuMilli"/> &lt;
/// 1000) that other jobs may share; plus CPU and memory, and optionally the GPU models it accepts (any one of
/// them will do). A job with no GPU (<see cref="Gpus"/> = 0) asks for CPU and memory on one node, of any kind,
/// GPU models or not.
/// </summary>
public readonly record struct GpuRequest
{
    /// <summary>Thousandths of a GPU in a whole GPU.</summary>
    public const int WholeGpuMilli = 1000;

    public GpuRequest(int gpus, int gpuMilli, long cpuMilli = 0, long memoryMebibytes = 0, GpuModelSet? models = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gpus);
        ArgumentOutOfRangeException.ThrowIfNegative(cpuMilli);
        ArgumentOutOfRangeException.ThrowIfNegative(memoryMebibytes);
        if (gpus == 0 ? gpuMilli != 0 : gpuMilli is < 1 or > WholeGpuMilli)
        {
            throw new ArgumentOutOfRangeException(nameof(gpuMilli), gpuMilli, "A GPU share is 1..1000 milli per GPU, and 0 without GPUs.");
        }

        if (gpus > 1 && gpuMilli != WholeGpuMilli)
        {
            throw new ArgumentOutOfRangeException(nameof(gpuMilli), gpuMilli, "Only a single GPU may be shared; a gang takes whole GPUs.");
        }

        Gpus = gpus;
        GpuMilli = gpuMilli;
        CpuMilli = cpuMilli;
        MemoryMebibytes = memoryMebibytes;
        Models = models;
    }

    public int Gpus { get; }

    /// <summary>Thousandths of each GPU the job takes: 1000 for whole GPUs.</summary>
    public int GpuMilli { get; }

    public long CpuMilli { get; }

    public long MemoryMebibytes { get; }

    /// <summary>The GPU models accepted; null when any model will do.</summary>
    public GpuModelSet? Models { get; }

    public bool IsFractional => Gpus == 1 && GpuMilli < WholeGpuMilli;

    /// <summary>GPUs in thousandths: the job's weight in GPU allocation metrics.</summary>
    public long TotalGpuMilli => (long)Gpus * GpuMilli;

    public static GpuRequest Whole(int gpus, GpuModelSet? models = null) => new(gpus, gpus == 0 ? 0 : WholeGpuMilli, models: models);

    public static GpuRequest Fraction(int gpuMilli, GpuModelSet? models = null) => new(1, gpuMilli, models: models);
}
