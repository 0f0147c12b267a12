using Augur.Core.Resources;

namespace Augur.Policies.Gpu.Placement;

/// <summary>
/// <c>place/spread</c>: a gang over as many nodes as possible, one GPU at a time from the node with the most
/// free GPUs not yet taken; a share of a GPU goes to the GPU with the most free share. Balances load, at the
/// price of the cross-node slowdown for gangs.
/// </summary>
public sealed class SpreadPlacement : IGpuPlacement
{
    private readonly GangSearch search = new();

    public string Id => "place/spread";

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
            return GangSearch.PlaceShare(request, state, allocation, tightest: false);
        }

        return request.Gpus <= state.IdleGpus && search.PlaceSpread(request, state, allocation);
    }
}
