namespace Augur.Simulation.Engine;

/// <summary>
/// Kinds of simulation event, in the order they are handled when they fall on the same instant. This is
/// pyss's order (prediction expiries, then submissions, then terminations), which the validation against
/// its schedules depends on; wake-ups a policy asked for come last. See docs/simulation.md.
/// </summary>
public enum EventKind
{
    EstimateExpired = 0,
    Submission = 1,
    Termination = 2,
    WakeUp = 3,
}
