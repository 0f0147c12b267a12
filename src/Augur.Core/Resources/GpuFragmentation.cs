namespace Augur.Core.Resources;

/// <summary>
/// Fragmentation as Weng et al. define it ("Beware of Fragmentation: Scheduling GPU-Sharing Workloads with
/// Fragmentation Gradient Descent", USENIX ATC'23, section 3): the free GPU capacity of a node that a given
/// job cannot use. For a node and a job:
/// <list type="bullet">
/// <item>the job cannot run on the node at all (wrong GPU model, too little CPU or memory, no GPU with room
/// enough, fewer whole free GPUs than its gang) or asks for no GPU: every free share of the node is a fragment;</item>
/// <item>a share d &lt; 1000 of one GPU: the free shares smaller than d are fragments;</item>
/// <item>whole GPUs: the free shares of partly used GPUs are fragments.</item>
/// </list>
/// A gang larger than the largest node must span nodes anyway (Weng et al.'s workloads have none): it can use
/// any node's whole free GPUs, so for it a node counts as unusable only when it has none, or lacks the CPU,
/// memory or model for those it has. All amounts are in thousandths of a GPU.
/// </summary>
public static class GpuFragmentation
{
    /// <summary>The free GPU capacity (milli) of a node that <paramref name="request"/> cannot use.</summary>
    /// <param name="freeMilli">The free share of each GPU of the node.</param>
    /// <param name="freeCpuMilli">The node's free CPU.</param>
    /// <param name="freeMemoryMebibytes">The node's free memory.</param>
    /// <param name="modelMatches">Whether the node's GPUs are of the model the job asks for.</param>
    /// <param name="request">The job.</param>
    /// <param name="largestNodeGpus">GPUs of the cluster's largest node: a gang above it spans nodes.</param>
    public static long FragmentMilli(ReadOnlySpan<int> freeMilli, long freeCpuMilli, long freeMemoryMebibytes, bool modelMatches, in GpuRequest request, int largestNodeGpus)
    {
        long free = 0, partial = 0, tooSmall = 0;
        var whole = 0;
        var largestShare = 0;
        foreach (var share in freeMilli)
        {
            free += share;
            largestShare = Math.Max(largestShare, share);
            if (share == GpuRequest.WholeGpuMilli)
            {
                whole++;
            }
            else
            {
                partial += share;
            }

            if (share < request.GpuMilli)
            {
                tooSmall += share;
            }
        }

        if (free == 0 || request.Gpus == 0 || !modelMatches)
        {
            return free;
        }

        if (request.IsFractional)
        {
            return largestShare >= request.GpuMilli && Hosts(freeCpuMilli, freeMemoryMebibytes, request, 1) ? tooSmall : free;
        }

        var spans = request.Gpus > largestNodeGpus;
        var usable = spans ? whole > 0 : whole >= request.Gpus;
        return usable && Hosts(freeCpuMilli, freeMemoryMebibytes, request, Math.Min(whole, request.Gpus)) ? partial : free;
    }

    /// <summary>The free GPU capacity (milli) of <paramref name="node"/> that <paramref name="request"/> cannot use, as <paramref name="state"/> stands.</summary>
    public static long FragmentMilli(GpuClusterState state, int node, in GpuRequest request)
    {
        ArgumentNullException.ThrowIfNull(state);
        return FragmentMilli(
            state.FreeMilliOn(node), state.FreeCpuMilli(node), state.FreeMemoryMebibytes(node), state.ModelMatches(node, request.Models), request, state.Spec.LargestNodeGpus);
    }

    private static bool Hosts(long freeCpuMilli, long freeMemoryMebibytes, in GpuRequest request, int gpusOnNode) =>
        GpuClusterState.ShareOf(request.CpuMilli, gpusOnNode, request.Gpus) <= freeCpuMilli
        && GpuClusterState.ShareOf(request.MemoryMebibytes, gpusOnNode, request.Gpus) <= freeMemoryMebibytes;
}
