using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Resources;

namespace Augur.Simulation.Gpu;

/// <summary>
/// The fill experiment of Weng et al. (ATC'23, section 6): jobs arrive one after another on an empty cluster
/// and never leave; each is placed where the placement says, or fails for good when it finds no room. Jobs
/// come in workload order, the workload repeated from its start until the GPUs asked (shares in proportion)
/// reach <c>target</c> times the cluster's GPUs. After every step of 5 % of the cluster's GPUs asked, and at
/// the end, it records the GPUs allocated and the GPUs fragmented under the workload's mix: the expected
/// fragmentation F(M) = sum over nodes and request classes of the class's share of the workload's jobs times
/// the node's free GPUs that class cannot use (<see cref="GpuFragmentation"/>). That mix is the whole
/// workload's, as the paper measures it: a measurement, which the placement never sees.
/// </summary>
public static class GpuFillSimulation
{
    /// <summary>The step, in percent of the cluster's GPUs asked, between two points of the curve.</summary>
    public const int StepPercent = 5;

    public static GpuFillResult Run(GpuWorkload workload, GpuClusterSpec cluster, IGpuPlacement placement, double target)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(placement);
        if (!(target > 0) || double.IsInfinity(target) || workload.Count == 0)
        {
            throw new ArgumentException($"The fill target is a positive multiple of the cluster's GPUs, not {target}; the workload needs jobs.", nameof(target));
        }

        var state = new GpuClusterState(cluster);
        var mix = Mix(workload);
        var allocation = new GpuAllocation();
        var capacityMilli = (long)cluster.TotalGpus * GpuRequest.WholeGpuMilli;
        var targetMilli = target * capacityMilli;
        var points = new List<GpuFillPoint>();
        long askedMilli = 0, placedMilli = 0;
        int arrived = 0, placed = 0;
        var firstFailure = -1L;
        var nextStep = StepPercent;
        var demandInWorkload = workload.Jobs.Sum(j => j.Request.Resources.TotalGpuMilli);
        if (demandInWorkload == 0)
        {
            throw new ArgumentException("The workload asks for no GPU: there is nothing to fill the cluster with.", nameof(workload));
        }

        for (var i = 0; askedMilli < targetMilli; i = (i + 1) % workload.Count)
        {
            var request = workload.Jobs[i].Request.Resources;
            arrived++;
            askedMilli += request.TotalGpuMilli;
            (placement as IGpuRequestObserver)?.Submitted(request);
            if (placement.TryPlace(request, state, allocation) && state.Check(request, allocation) is null)
            {
                state.Apply(request, allocation.Gpus, allocation.Node);
                placed++;
                placedMilli += request.TotalGpuMilli;
            }
            else if (firstFailure < 0)
            {
                firstFailure = askedMilli - request.TotalGpuMilli;
            }

            while (askedMilli * 100 >= (long)nextStep * capacityMilli)
            {
                points.Add(Point(nextStep, state, mix));
                nextStep += StepPercent;
            }
        }

        var end = Point(askedMilli * 100.0 / capacityMilli, state, mix);
        return new GpuFillResult(cluster, placement.Id, target, arrived, placed, askedMilli / 1000.0, placedMilli / 1000.0, firstFailure < 0 ? null : firstFailure / 1000.0, end, points);
    }

    private static (GpuRequest[] Classes, double[] Weights) Mix(GpuWorkload workload)
    {
        var counts = new Dictionary<GpuRequest, int>();
        foreach (var job in workload.Jobs)
        {
            counts[job.Request.Resources] = counts.GetValueOrDefault(job.Request.Resources) + 1;
        }

        return ([.. counts.Keys], [.. counts.Values.Select(c => c / (double)workload.Count)]);
    }

    private static GpuFillPoint Point(double askedPercent, GpuClusterState state, (GpuRequest[] Classes, double[] Weights) mix)
    {
        var fragmented = 0.0;
        for (var node = 0; node < state.NodeCount; node++)
        {
            for (var c = 0; c < mix.Classes.Length; c++)
            {
                fragmented += mix.Weights[c] * GpuFragmentation.FragmentMilli(state, node, mix.Classes[c]);
            }
        }

        return new GpuFillPoint(askedPercent, state.AllocatedMilli / 1000.0, state.GpuCount - (state.AllocatedMilli / 1000.0), fragmented / 1000.0);
    }
}
