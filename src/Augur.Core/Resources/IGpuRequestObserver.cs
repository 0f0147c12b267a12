namespace Augur.Core.Resources;

/// <summary>
/// A placement that learns the workload's mix of requests as jobs arrive (<c>place/fragmentation</c>). The
/// driver tells it of each job when the job is submitted, never earlier, so it sees no future request.
/// </summary>
public interface IGpuRequestObserver
{
    /// <summary>A job asking for <paramref name="request"/> was submitted now.</summary>
    void Submitted(in GpuRequest request);
}
