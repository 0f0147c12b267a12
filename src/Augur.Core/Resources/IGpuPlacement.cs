namespace Augur.Core.Resources;

/// <summary>
/// Chooses where a GPU job runs (ids <c>place/name</c>). It only proposes: it writes GPUs into the buffer and
/// the driver checks them against the state before applying. An instance serves one run and may keep scratch
/// arrays, so placing allocates nothing.
/// </summary>
public interface IGpuPlacement
{
    string Id { get; }

    /// <summary>
    /// Writes a placement for <paramref name="request"/> that fits the free resources of
    /// <paramref name="state"/> into <paramref name="allocation"/> (cleared first) and returns true, or
    /// returns false when it finds none.
    /// </summary>
    bool TryPlace(in GpuRequest request, GpuClusterState state, GpuAllocation allocation);
}
