namespace Augur.Service.Api;

/// <summary>GET /v1/cluster: the machine, its use and the scheduler's components.</summary>
public sealed record ClusterView(
    DateTimeOffset Now,
    ResourcesView Total,
    int BusyProcs,
    long ReservedMemoryMb,
    double Utilization,
    int RunningJobs,
    int WaitingJobs,
    string Policy,
    string? Predictor,
    string? Corrector,
    string Executor);
