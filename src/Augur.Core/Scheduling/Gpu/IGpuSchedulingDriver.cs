using Augur.Core.Resources;

namespace Augur.Core.Scheduling.Gpu;

/// <summary>What a GPU driver does with a policy's decisions; it rejects an invalid one with <see cref="InvalidDecisionException"/>.</summary>
public interface IGpuSchedulingDriver
{
    /// <summary>Starts waiting job <paramref name="job"/> now on <paramref name="allocation"/> (copied).</summary>
    void Start(int job, GpuAllocation allocation);
}
