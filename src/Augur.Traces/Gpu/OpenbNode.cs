namespace Augur.Traces.Gpu;

/// <summary>
/// One machine of Alibaba's openb cluster: CPU, memory and its GPUs, all of one model. A CPU-only node has 0
/// GPUs and may have an empty model (openb's all-node list writes it so).
/// </summary>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Name">The node's serial name (column sn).</param>
/// <param name="CpuMilli">CPU in thousandths of a core.</param>
/// <param name="MemoryMebibytes">Memory in MiB.</param>
/// <param name="Gpus">Whole GPUs on the node.</param>
/// <param name="GpuModel">The GPU model (P100, T4, V100M16, G2, ...); empty for a node without GPUs.</param>
public sealed record OpenbNode(long Line, string Name, long CpuMilli, long MemoryMebibytes, int Gpus, string GpuModel);
