using Augur.Core.Jobs;

namespace Augur.Policies.Queueing;

/// <summary>
/// Walks waiting jobs in a queue order. Implemented by structs so that a policy's pass, written once as a
/// generic method, is specialised for each order with no allocation or virtual call per job.
/// </summary>
public interface IJobCursor
{
    JobRequest Current { get; }

    bool MoveNext();
}
