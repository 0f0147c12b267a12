using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Core.Scheduling;

/// <summary>
/// What a driver (the simulator, the live service) does with a policy's decisions. Drivers check each
/// decision and reject an invalid one with <see cref="InvalidDecisionException"/>.
/// </summary>
public interface ISchedulingDriver
{
    /// <summary>Starts a waiting job now; returns the end the scheduler will plan with.</summary>
    Instant StartJob(JobRequest job, bool backfilled);

    /// <summary>Asks for a decision point at <paramref name="instant"/> (no earlier than now).</summary>
    void WakeAt(Instant instant);
}
