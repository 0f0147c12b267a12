namespace Augur.Traces.Gpu;

/// <summary>A pod's Kubernetes phase at the end of the openb trace.</summary>
public enum OpenbPodPhase
{
    /// <summary>Never scheduled: no scheduled_time.</summary>
    Pending,
    Running,
    Succeeded,
    Failed,
}
