using Augur.Core.Resources;

namespace Augur.Policies.Gpu.Placement;

/// <summary>
/// <c>place/consolidate</c>: a gang on as few nodes as possible. Each step takes the lowest-numbered node
/// that holds the rest of the gang, else the node with the most free GPUs; a share of a GPU goes to the
/// lowest-numbered GPU that holds it, which packs shares onto GPUs already in use.
/// </summary>
public sealed class ConsolidatePlacement : IGpuPlacement
{
    private readonly GangSearch search = new();

    public string Id => "place/consolidate";

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
            return GangSearch.PlaceFirstShare(request, state, allocation);
        }

        return request.Gpus <= state.IdleGpus && search.PlaceFewestNodes(request, state, allocation, NodeChoice.FirstFit);
    }
}
