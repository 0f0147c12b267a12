namespace Augur.Core.Scheduling.Gpu;

/// <summary>
/// A GPU scheduling policy (ids <c>gpu/name</c>): reads the view and records decisions on it
/// (<see cref="GpuSchedulingContext.TryStart"/>, <see cref="GpuSchedulingContext.Start"/>); the driver applies
/// and checks them. An instance serves one run.
/// </summary>
public interface IGpuPolicy
{
    string Id { get; }

    /// <summary>True when the policy orders jobs by predicted run time and so needs a predictor.</summary>
    bool NeedsPredictions { get; }

    /// <summary>Called once per instant at which jobs arrived or ended, after all of them were applied.</summary>
    void Decide(GpuSchedulingContext context);
}
