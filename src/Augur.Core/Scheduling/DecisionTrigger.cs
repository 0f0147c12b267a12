namespace Augur.Core.Scheduling;

/// <summary>
/// Why a policy is being asked to decide. Drivers call the policy once per event, in the documented
/// event order (docs/simulation.md): expiries, then submissions, then terminations, then wake-ups.
/// </summary>
public enum DecisionTrigger
{
    /// <summary>A running job outlived the end the scheduler planned with (issue: prediction).</summary>
    EstimateExpired = 0,

    /// <summary>A job was submitted; <see cref="SchedulingContext.TriggerJob"/> is it.</summary>
    Submission = 1,

    /// <summary>A job ended; <see cref="SchedulingContext.Ended"/> describes it.</summary>
    Termination = 2,

    /// <summary>A time the policy asked for with <see cref="SchedulingContext.WakeAt"/> has come.</summary>
    WakeUp = 3,
}
