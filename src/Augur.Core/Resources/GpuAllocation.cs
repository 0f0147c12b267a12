namespace Augur.Core.Resources;

/// <summary>
/// A placement for one job, written by a placement policy into a reusable buffer: the GPUs it takes (global
/// GPU numbers, see <see cref="GpuClusterState"/>), or for a job without GPUs the node it runs on. The
/// driver copies what it keeps, so one buffer serves a whole run.
/// </summary>
public sealed class GpuAllocation
{
    private int[] gpus = new int[16];

    public int Count { get; private set; }

    /// <summary>The node of a job without GPUs; -1 otherwise.</summary>
    public int Node { get; private set; } = -1;

    public ReadOnlySpan<int> Gpus => gpus.AsSpan(0, Count);

    public void Clear()
    {
        Count = 0;
        Node = -1;
    }

    public void AddGpu(int gpu)
    {
        if (Count == gpus.Length)
        {
            Array.Resize(ref gpus, gpus.Length * 2);
        }

        gpus[Count++] = gpu;
    }

    /// <summary>Places a job without GPUs on <paramref name="node"/>.</summary>
    public void SetNode(int node) => Node = node;
}
