namespace Augur.Traces.Input;

/// <summary>What a CSV trace holds, as its first line says (see <see cref="CsvTraceRecogniser"/>).</summary>
public enum CsvTraceKind
{
    /// <summary>Not one of the CSV layouts Augur reads (or not a CSV file at all).</summary>
    Unknown,

    /// <summary>Philly as the Pollux artifact prepared it: <c>timestamp,duration,num_gpus,gpu_time,cluster</c>.</summary>
    PhillyPollux,

    /// <summary>Alibaba openb pods: <c>name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,...</c>.</summary>
    OpenbPods,

    /// <summary>Alibaba openb nodes: <c>sn,cpu_milli,memory_mib,gpu,model</c>; a cluster, not a workload.</summary>
    OpenbNodes,

    /// <summary>A GAIA CPU job list: <c>arrival_time,length,cpus</c>.</summary>
    Gaia,
}
