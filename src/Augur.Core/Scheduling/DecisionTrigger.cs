namespace Augur.Core.Scheduling;

/// <summary>
/// Why a policy is being asked to decide, which is also the kind of event that asked. Drivers call the
/// policy once per event; events at the same instant are handled in this enum's order (pyss's order:
/// expiries, then submissions, then terminations; wake-ups last), then by sequence number
/// (docs/simulation.md).
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
