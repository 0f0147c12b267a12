using Augur.Core.Resources;

namespace Augur.Policies.Gpu.Placement;

/// <summary>
/// The searches the placement policies share. Whole GPUs are taken lowest-numbered first on a node; nodes
/// are compared by their whole free GPUs, ties going to the lower node number, so placements are
/// deterministic.
/// </summary>
internal sealed class GangSearch
{
    private int[] taken = [];

    /// <summary>Gang on as few nodes as possible: each step takes a node that holds the rest (chosen by <paramref name="choice"/>), else the node with the most free GPUs.</summary>
    public bool PlaceFewestNodes(in GpuRequest request, GpuClusterState state, GpuAllocation allocation, NodeChoice choice)
    {
        Reset(state);
        var remaining = request.Gpus;
        while (remaining > 0)
        {
            var fit = -1;
            var largest = -1;
            for (var node = 0; node < state.NodeCount; node++)
            {
                var free = taken[node] > 0 ? 0 : state.FreeWholeGpus(node);
                if (free == 0 || !state.ModelMatches(node, request.Models))
                {
                    continue;
                }

                var take = Math.Min(free, remaining);
                if (!state.HasHostResources(node, request, take))
                {
                    continue;
                }

                if (free >= remaining && (fit < 0 || (choice == NodeChoice.BestFit && free < state.FreeWholeGpus(fit))))
                {
                    fit = node;
                }

                if (largest < 0 || free > state.FreeWholeGpus(largest))
                {
                    largest = node;
                }
            }

            var chosen = fit >= 0 ? fit : largest;
            if (chosen < 0)
            {
                return false;
            }

            var count = Math.Min(state.FreeWholeGpus(chosen), remaining);
            taken[chosen] = count;
            remaining -= count;
        }

        WriteTaken(state, allocation);
        return true;
    }

    /// <summary>Gang over as many nodes as possible: one GPU at a time from the node with the most free GPUs not yet taken.</summary>
    public bool PlaceSpread(in GpuRequest request, GpuClusterState state, GpuAllocation allocation)
    {
        Reset(state);
        for (var placed = 0; placed < request.Gpus; placed++)
        {
            var best = -1;
            var bestLeft = 0;
            for (var node = 0; node < state.NodeCount; node++)
            {
                var left = state.FreeWholeGpus(node) - taken[node];
                if (left > 0 && (best < 0 || left > bestLeft) && state.ModelMatches(node, request.Models))
                {
                    best = node;
                    bestLeft = left;
                }
            }

            if (best < 0)
            {
                return false;
            }

            taken[best]++;
        }

        for (var node = 0; node < state.NodeCount; node++)
        {
            if (taken[node] > 0 && !state.HasHostResources(node, request, taken[node]))
            {
                return false;
            }
        }

        WriteTaken(state, allocation);
        return true;
    }

    /// <summary>
    /// One share of one GPU: the GPU with the least free share that still holds it (<paramref name="tightest"/>)
    /// or the most, ties to the lower GPU number.
    /// </summary>
    public static bool PlaceShare(in GpuRequest request, GpuClusterState state, GpuAllocation allocation, bool tightest)
    {
        allocation.Clear();
        var best = -1;
        for (var gpu = 0; gpu < state.GpuCount; gpu++)
        {
            var free = state.FreeMilli(gpu);
            if (free < request.GpuMilli || (best >= 0 && (tightest ? free >= state.FreeMilli(best) : free <= state.FreeMilli(best))))
            {
                continue;
            }

            var node = state.NodeOf(gpu);
            if (state.ModelMatches(node, request.Models) && state.HasHostResources(node, request, 1))
            {
                best = gpu;
            }
        }

        if (best < 0)
        {
            return false;
        }

        allocation.AddGpu(best);
        return true;
    }

    /// <summary>One share of one GPU: the lowest-numbered GPU that holds it.</summary>
    public static bool PlaceFirstShare(in GpuRequest request, GpuClusterState state, GpuAllocation allocation)
    {
        allocation.Clear();
        for (var gpu = 0; gpu < state.GpuCount; gpu++)
        {
            var node = state.NodeOf(gpu);
            if (state.FreeMilli(gpu) >= request.GpuMilli && state.ModelMatches(node, request.Models) && state.HasHostResources(node, request, 1))
            {
                allocation.AddGpu(gpu);
                return true;
            }
        }

        return false;
    }

    /// <summary>A job without GPUs: the first node with its CPU and memory free.</summary>
    public static bool PlaceHostOnly(in GpuRequest request, GpuClusterState state, GpuAllocation allocation)
    {
        allocation.Clear();
        for (var node = 0; node < state.NodeCount; node++)
        {
            if (state.HasHostResources(node, request, 0))
            {
                allocation.SetNode(node);
                return true;
            }
        }

        return false;
    }

    private void Reset(GpuClusterState state)
    {
        if (taken.Length != state.NodeCount)
        {
            taken = new int[state.NodeCount];
        }
        else
        {
            Array.Clear(taken);
        }
    }

    private void WriteTaken(GpuClusterState state, GpuAllocation allocation)
    {
        allocation.Clear();
        for (var node = 0; node < state.NodeCount; node++)
        {
            var wanted = taken[node];
            for (var gpu = state.FirstGpuOf(node); wanted > 0; gpu++)
            {
                if (state.FreeMilli(gpu) == GpuRequest.WholeGpuMilli)
                {
                    allocation.AddGpu(gpu);
                    wanted--;
                }
            }
        }
    }
}
