using Augur.Core.Resources;

namespace Augur.Traces.Gpu;

/// <summary>
/// One pod of Alibaba's openb GPU trace (cluster-trace-gpu-v2023). A pod asks for CPU, memory and either
/// whole GPUs (<see cref="Gpus"/> &gt; 1, each at 1000 milli) or a share of one GPU (<see cref="Gpus"/> = 1,
/// <see cref="GpuMilli"/> in 1..1000), optionally of one of a set of models. Times are seconds from the trace's origin.
/// </summary>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Name">The pod's name.</param>
/// <param name="CpuMilli">CPU in thousandths of a core.</param>
/// <param name="MemoryMebibytes">Memory in MiB.</param>
/// <param name="Gpus">GPUs asked for (0 for a CPU-only pod).</param>
/// <param name="GpuMilli">Thousandths of each GPU: 1000 for whole GPUs, less for a fraction of one, 0 without GPUs.</param>
/// <param name="AcceptedModels">The GPU models the pod accepts (column gpu_spec, e.g. <c>V100M16|V100M32</c>), or null when any model will do (the column is empty).</param>
/// <param name="Qos">Quality-of-service class (LS, BE, Burstable, Guaranteed).</param>
/// <param name="Phase">The pod's phase.</param>
/// <param name="CreationSeconds">When the pod was created (submitted).</param>
/// <param name="DeletionSeconds">When it was deleted (ended).</param>
/// <param name="ScheduledSeconds">When it was placed; null for a pending pod.</param>
public sealed record OpenbPod(
    long Line,
    string Name,
    long CpuMilli,
    long MemoryMebibytes,
    int Gpus,
    int GpuMilli,
    GpuModelSet? AcceptedModels,
    string Qos,
    OpenbPodPhase Phase,
    long CreationSeconds,
    long DeletionSeconds,
    long? ScheduledSeconds)
{
    /// <summary>Column gpu_spec as written: the accepted models joined by <c>|</c>, or null when empty.</summary>
    public string? GpuSpec => AcceptedModels?.ToString();

    /// <summary>Derived: deletion minus scheduled time, the time the pod held its resources; null when pending.</summary>
    public long? RunSeconds => ScheduledSeconds is { } scheduled ? DeletionSeconds - scheduled : null;
}
