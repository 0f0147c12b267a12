using Augur.Core.Resources;
using Augur.Core.Time;

namespace Augur.Core.Scheduling.Gpu;

/// <summary>What a GPU driver does with a policy's decisions; it rejects an invalid one with <see cref="InvalidDecisionException"/>.</summary>
public interface IGpuSchedulingDriver
{
    /// <summary>Starts waiting job <paramref name="job"/> now on <paramref name="allocation"/> (copied).</summary>
    void Start(int job, GpuAllocation allocation);

    /// <summary>Stops running job <paramref name="job"/> now and puts it back to waiting; it resumes from its checkpoint.</summary>
    void Preempt(int job);

    /// <summary>Asks for a decision at <paramref name="instant"/> (no earlier than now) even if nothing happens then.</summary>
    void WakeAt(Instant instant);

    /// <summary>Time job <paramref name="job"/> has held its resources so far, over all its runs (restores included).</summary>
    Duration AttainedRunTime(int job);

    /// <summary>Writes running job <paramref name="job"/>'s placement into <paramref name="into"/> (cleared first).</summary>
    void CopyAllocation(int job, GpuAllocation into);

    /// <summary>GPU-seconds job <paramref name="job"/> has held so far (GPUs times the time it ran, over all its runs).</summary>
    double AttainedGpuSeconds(int job);

    /// <summary>Joules job <paramref name="job"/> has been charged so far: its share of each GPU it held at that GPU's full-load power, over all its runs.</summary>
    double AttainedEnergyJoules(int job);
}
