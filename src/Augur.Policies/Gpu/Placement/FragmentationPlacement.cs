using Augur.Core.Resources;

namespace Augur.Policies.Gpu.Placement;

/// <summary>
/// <c>place/fragmentation</c>: fragmentation gradient descent (Weng et al., "Beware of Fragmentation", USENIX
/// ATC'23). The expected fragmentation of a node is the sum, over the classes of requests submitted so far,
/// of each class's share of those jobs times the node's free GPU capacity that class cannot use
/// (<see cref="GpuFragmentation"/>). A job goes to the node, and for a share to the GPU, whose choice raises
/// the expected fragmentation least; ties go to the lower node, then the lower GPU. The mix is learned from
/// submissions (<see cref="IGpuRequestObserver"/>), never from jobs still to come. A gang that no single node
/// holds falls back to <c>place/best-fit</c>, which spans as few nodes as possible.
/// </summary>
public sealed class FragmentationPlacement : IGpuPlacement, IGpuRequestObserver
{
    // Nodes of up to this many GPUs are cached by their sorted free shares packed 10 bits each into 128 bits.
    private const int CachedNodeGpus = 12;

    private readonly RequestMix mix = new();
    private readonly GangSearch search = new();
    private readonly Dictionary<NodeKey, Choice> cache = [];
    private int[] scratch = new int[16];
    private int[] sorted = new int[16];
    private long cacheVersion = -1;
    private GpuRequest cacheRequest;

    public string Id => "place/fragmentation";

    public void Submitted(in GpuRequest request) => mix.Add(request);

    public bool TryPlace(in GpuRequest request, GpuClusterState state, GpuAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(allocation);
        allocation.Clear();
        if (request.Gpus > state.IdleGpus && !request.IsFractional)
        {
            return false;
        }

        if (cacheVersion != mix.Version || cacheRequest != request)
        {
            cache.Clear();
            cacheVersion = mix.Version;
            cacheRequest = request;
        }

        var bestNode = -1;
        var best = default(Choice);
        for (var node = 0; node < state.NodeCount; node++)
        {
            if (!Feasible(request, state, node))
            {
                continue;
            }

            var choice = Evaluate(request, state, node);
            if (bestNode < 0 || choice.Delta < best.Delta)
            {
                bestNode = node;
                best = choice;
            }
        }

        if (bestNode < 0)
        {
            // No single node holds the job: a gang spans nodes the way place/best-fit spans them.
            return request.Gpus > 1 && search.PlaceFewestNodes(request, state, allocation, NodeChoice.BestFit);
        }

        Write(request, state, bestNode, best, allocation);
        return true;
    }

    /// <summary>Whether the whole job fits <paramref name="node"/> now.</summary>
    private static bool Feasible(in GpuRequest request, GpuClusterState state, int node)
    {
        if (request.Gpus == 0)
        {
            return state.HasHostResources(node, request, 0);
        }

        if (!state.ModelMatches(node, request.Models) || !state.HasHostResources(node, request, request.Gpus))
        {
            return false;
        }

        if (!request.IsFractional)
        {
            return state.FreeWholeGpus(node) >= request.Gpus;
        }

        foreach (var share in state.FreeMilliOn(node))
        {
            if (share >= request.GpuMilli)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The least rise in expected fragmentation placing the job on <paramref name="node"/> can give, and for a share the free share of the GPU that gives it.</summary>
    private Choice Evaluate(in GpuRequest request, GpuClusterState state, int node)
    {
        var shares = state.FreeMilliOn(node);
        var key = default(NodeKey);
        var cached = shares.Length <= CachedNodeGpus;
        if (cached)
        {
            key = KeyOf(state, node, shares);
            if (cache.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        if (scratch.Length < shares.Length)
        {
            scratch = new int[shares.Length * 2];
        }

        var cpu = state.FreeCpuMilli(node);
        var memory = state.FreeMemoryMebibytes(node);
        var before = Expected(shares, cpu, memory, state, node);
        var after = scratch.AsSpan(0, shares.Length);
        var cpuAfter = cpu - GpuClusterState.ShareOf(request.CpuMilli, request.Gpus, request.Gpus);
        var memoryAfter = memory - GpuClusterState.ShareOf(request.MemoryMebibytes, request.Gpus, request.Gpus);
        Choice result;
        if (request.IsFractional)
        {
            result = new Choice(long.MaxValue, -1);
            for (var gpu = 0; gpu < shares.Length; gpu++)
            {
                // GPUs with the same free share give the same result: only the first of each is tried.
                if (shares[gpu] < request.GpuMilli || shares[..gpu].Contains(shares[gpu]))
                {
                    continue;
                }

                shares.CopyTo(after);
                after[gpu] -= request.GpuMilli;
                var delta = Expected(after, cpuAfter, memoryAfter, state, node) - before;
                if (delta < result.Delta)
                {
                    result = new Choice(delta, shares[gpu]);
                }
            }
        }
        else
        {
            shares.CopyTo(after);
            var left = request.Gpus;
            for (var gpu = 0; left > 0; gpu++)
            {
                if (after[gpu] == GpuRequest.WholeGpuMilli)
                {
                    after[gpu] = 0;
                    left--;
                }
            }

            result = new Choice(Expected(after, cpuAfter, memoryAfter, state, node) - before, -1);
        }

        if (cached)
        {
            cache[key] = result;
        }

        return result;
    }

    /// <summary>Sum over classes of jobs submitted times the milli of the node the class cannot use: expected fragmentation times the number of jobs.</summary>
    private long Expected(ReadOnlySpan<int> shares, long cpu, long memory, GpuClusterState state, int node)
    {
        var total = 0L;
        for (var c = 0; c < mix.Count; c++)
        {
            ref readonly var job = ref mix.Class(c);
            total += mix.Weight(c) * GpuFragmentation.FragmentMilli(shares, cpu, memory, state.ModelMatches(node, job.Models), job, state.Spec.LargestNodeGpus);
        }

        return total;
    }

    private NodeKey KeyOf(GpuClusterState state, int node, ReadOnlySpan<int> shares)
    {
        if (sorted.Length < shares.Length)
        {
            sorted = new int[shares.Length * 2];
        }

        var order = sorted.AsSpan(0, shares.Length);
        shares.CopyTo(order);
        order.Sort();
        UInt128 packed = 0;
        foreach (var share in order)
        {
            packed = (packed << 10) | (uint)share;
        }

        return new NodeKey(state.Spec.ModelIdOfNode(node), state.FreeCpuMilli(node), state.FreeMemoryMebibytes(node), packed, shares.Length);
    }

    private static void Write(in GpuRequest request, GpuClusterState state, int node, Choice choice, GpuAllocation allocation)
    {
        if (request.Gpus == 0)
        {
            allocation.SetNode(node);
            return;
        }

        var first = state.FirstGpuOf(node);
        var shares = state.FreeMilliOn(node);
        if (request.IsFractional)
        {
            allocation.AddGpu(first + shares.IndexOf(choice.Share));
            return;
        }

        var left = request.Gpus;
        for (var gpu = 0; left > 0; gpu++)
        {
            if (shares[gpu] == GpuRequest.WholeGpuMilli)
            {
                allocation.AddGpu(first + gpu);
                left--;
            }
        }
    }

    private readonly record struct NodeKey(int ModelId, long Cpu, long Memory, UInt128 Shares, int Gpus);

    /// <summary>The rise in expected fragmentation, and for a share the free share of the GPU to take (-1 otherwise).</summary>
    private readonly record struct Choice(long Delta, int Share);
}
