using Augur.Core.Resources;

namespace Augur.Policies.Gpu.Placement;

/// <summary>
/// <c>place/best-fit</c>: a gang on as few nodes as possible, each step taking the node that holds the rest
/// of the gang with the fewest GPUs left over (else the node with the most free GPUs); a share of a GPU goes
/// to the GPU with the least free share that holds it. Keeps large holes whole for large jobs.
/// </summary>
public sealed class BestFitPlacement : IGpuPlacement
{
    private readonly GangSearch search = new();

    public string Id => "place/best-fit";

    public bool TryPlace(in GpuRequest request, GpuClusterState state, GpuAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(allocation);
        if (request.Gpus == 0)
        {
            return GangSearch.PlaceHostOnly(request, state, allocation);
        }

        if (request.IsFractional)
        {
            return GangSearch.PlaceShare(request, state, allocation, tightest: true);
        }

        return request.Gpus <= state.IdleGpus && search.PlaceFewestNodes(request, state, allocation, NodeChoice.BestFit);
    }
}
