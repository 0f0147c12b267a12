using Augur.Core.Resources;
using Augur.Core.Time;

namespace Augur.Core.Jobs;

/// <summary>
/// What a GPU scheduler may know of a job at submission: its id, when it arrived, what it asks for, and
/// its group (Philly's virtual cluster, openb's QoS class). How long it runs is in <see cref="GpuWorkloadJob"/>,
/// which only a driver holds.
/// </summary>
public sealed class GpuJobRequest
{
    public GpuJobRequest(int index, string id, Instant submit, GpuRequest resources, string group)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Index = index;
        Id = id;
        Submit = submit;
        Resources = resources;
        Group = group;
    }

    /// <summary>Dense position in the workload (0..n-1): the key of every per-job array.</summary>
    public int Index { get; }

    public string Id { get; }

    public Instant Submit { get; }

    public GpuRequest Resources { get; }

    public string Group { get; }

    public override string ToString() => $"job {Id}";
}
