using Augur.Core.Jobs;
using Augur.Core.Scheduling;

namespace Augur.Policies.Queueing;

/// <summary>Waiting jobs in arrival order, straight from the queue (no copy): passes can stop early for free.</summary>
public struct ArrivalCursor : IJobCursor
{
    private WaitingQueue.Enumerator enumerator;

    public ArrivalCursor(WaitingQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        enumerator = queue.GetEnumerator();
    }

    public readonly JobRequest Current => enumerator.Current;

    public bool MoveNext() => enumerator.MoveNext();
}
