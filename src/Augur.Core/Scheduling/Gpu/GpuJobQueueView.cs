namespace Augur.Core.Scheduling.Gpu;

/// <summary>
/// A read-only look at one of the driver's job queues (waiting or running jobs, in order): a policy reads it
/// and decides; only the driver adds or removes jobs. A struct over the queue, so reading allocates nothing.
/// </summary>
public readonly struct GpuJobQueueView
{
    private readonly GpuWaitingQueue queue;

    internal GpuJobQueueView(GpuWaitingQueue queue) => this.queue = queue;

    public int Count => queue.Count;

    /// <summary>The first job in order, or -1 when the queue is empty.</summary>
    public int First => queue.First;

    public bool Contains(int job) => queue.Contains(job);

    /// <summary>The jobs in order, into <paramref name="into"/> (cleared first).</summary>
    public void CopyTo(List<int> into) => queue.CopyTo(into);

    public GpuWaitingQueue.Enumerator GetEnumerator() => queue.GetEnumerator();
}
