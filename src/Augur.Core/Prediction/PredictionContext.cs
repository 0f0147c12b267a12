using Augur.Core.Time;

namespace Augur.Core.Prediction;

/// <summary>
/// What the driver tells a predictor about the system when a job is submitted: the time and the load. It
/// holds only what a scheduler can see at that instant.
/// </summary>
/// <param name="Now">The submission instant.</param>
/// <param name="WaitingJobs">Jobs waiting, not counting the submitted one.</param>
/// <param name="WaitingProcessors">Processors those waiting jobs ask for.</param>
/// <param name="RunningJobs">Jobs running.</param>
/// <param name="BusyProcessors">Processors those running jobs hold.</param>
public readonly record struct PredictionContext(Instant Now, int WaitingJobs, long WaitingProcessors, int RunningJobs, long BusyProcessors);
