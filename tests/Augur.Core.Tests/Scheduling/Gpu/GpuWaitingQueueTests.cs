using Augur.Core.Scheduling.Gpu;

namespace Augur.Core.Tests.Scheduling.Gpu;

public sealed class GpuWaitingQueueTests
{
    [Fact]
    public void RemoveAndAdd_PastTheInitialCapacity_KeepsArrivalOrder()
    {
        var queue = new GpuWaitingQueue(1000);
        for (var job = 0; job < 600; job++)
        {
            queue.Add(job);
        }

        // Remove every even job, then add 600..999: the slots fill (256 at first) and are compacted and grown.
        for (var job = 0; job < 600; job += 2)
        {
            queue.Remove(job);
        }

        for (var job = 600; job < 1000; job++)
        {
            queue.Add(job);
        }

        var order = new List<int>();
        queue.CopyTo(order);

        // 300 odd jobs below 600, then 600..999 (400 jobs): 700 in arrival order.
        Assert.Equal(700, queue.Count);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (2 * i) + 1).Concat(Enumerable.Range(600, 400)), order);
        Assert.Equal(1, queue.First);
    }

    [Fact]
    public void First_AfterTheHeadLeaves_IsTheNextArrival()
    {
        var queue = new GpuWaitingQueue(3);
        queue.Add(2);
        queue.Add(0);
        queue.Remove(2);

        Assert.Equal(0, queue.First);
        queue.Remove(0);
        Assert.Equal(-1, queue.First);
    }

    [Fact]
    public void Add_JobAlreadyWaiting_Throws()
    {
        var queue = new GpuWaitingQueue(1);
        queue.Add(0);

        Assert.Throws<InvalidOperationException>(() => queue.Add(0));
    }
}
