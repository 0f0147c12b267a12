namespace Augur.Core.Clusters;

/// <summary>
/// One machine of a GPU cluster: its CPU, memory and GPUs, all of one model. A node without GPUs (a CPU-only
/// node, which hosts only jobs without GPUs) may have an empty model; a node with GPUs must name theirs.
/// </summary>
public sealed record GpuNodeSpec
{
    public GpuNodeSpec(string name, int gpus, string gpuModel, long cpuMilli = long.MaxValue / 4, long memoryMebibytes = long.MaxValue / 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gpus);
        ArgumentOutOfRangeException.ThrowIfNegative(cpuMilli);
        ArgumentOutOfRangeException.ThrowIfNegative(memoryMebibytes);
        ArgumentNullException.ThrowIfNull(gpuModel);
        if (gpus > 0 && gpuModel.Length == 0)
        {
            throw new ArgumentException("A node with GPUs names their model.", nameof(gpuModel));
        }

        Name = name;
        Gpus = gpus;
        GpuModel = gpuModel;
        CpuMilli = cpuMilli;
        MemoryMebibytes = memoryMebibytes;
    }

    public string Name { get; }

    public int Gpus { get; }

    /// <summary>The model of the node's GPUs; may be empty when it has none.</summary>
    public string GpuModel { get; }

    /// <summary>CPU in thousandths of a core; unbounded by default (traces such as Philly say nothing of CPUs).</summary>
    public long CpuMilli { get; }

    /// <summary>Memory in MiB; unbounded by default.</summary>
    public long MemoryMebibytes { get; }
}
