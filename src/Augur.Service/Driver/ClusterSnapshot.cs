namespace Augur.Service.Driver;

/// <summary>The machine and its use at one instant.</summary>
public sealed record ClusterSnapshot(
    long NowMicroseconds,
    MachineResources Total,
    int BusyProcessors,
    long ReservedMemoryMegabytes,
    int RunningJobs,
    int WaitingJobs,
    string PolicyId,
    string? PredictorId,
    string? CorrectorId);
