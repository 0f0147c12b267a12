using Augur.Core.Jobs;
using Augur.Core.Scheduling;

using static Augur.Core.Tests.TestJobs;

namespace Augur.Core.Tests.Scheduling;

public sealed class WaitingQueueTests
{
    internal static List<JobRequest> Listed(WaitingQueue queue)
    {
        var listed = new List<JobRequest>();
        foreach (var job in queue)
        {
            listed.Add(job);
        }

        return listed;
    }

    private static (WaitingQueue Queue, JobRequest[] Jobs) QueueOf(int count, int capacity = 64)
    {
        var queue = new WaitingQueue(capacity);
        var jobs = new JobRequest[count];
        for (var i = 0; i < count; i++)
        {
            jobs[i] = Job(i, processors: 1 + (i % 4), requestedSeconds: 10 * (i + 1));
            queue.Enqueue(jobs[i], jobs[i].RequestedTime);
        }

        return (queue, jobs);
    }

    [Fact]
    public void NewQueue_IsEmpty()
    {
        var queue = new WaitingQueue();

        Assert.Equal(0, queue.Count);
        Assert.Null(queue.Head);
        Assert.Empty(Listed(queue));
        Assert.Equal(0, queue.CopyTo([]));
    }

    [Fact]
    public void Enqueue_KeepsArrivalOrder()
    {
        var (queue, jobs) = QueueOf(5);

        Assert.Equal(5, queue.Count);
        Assert.Same(jobs[0], queue.Head);
        Assert.Equal(jobs, Listed(queue));
    }

    [Fact]
    public void Enqueue_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new WaitingQueue().Enqueue(null!, Seconds(1)));
    }

    [Fact]
    public void Enqueue_IndexesOutOfOrder_KeepArrivalOrder()
    {
        var queue = new WaitingQueue();
        JobRequest[] jobs = [Job(9), Job(2), Job(500), Job(0)];
        foreach (var job in jobs)
        {
            queue.Enqueue(job, job.RequestedTime);
        }

        Assert.Equal(jobs, Listed(queue));
        Assert.True(queue.Remove(jobs[2]));
        Assert.Equal([jobs[0], jobs[1], jobs[3]], Listed(queue));
    }

    [Fact]
    public void Remove_WaitingJob_ReturnsTrueOnce()
    {
        var (queue, jobs) = QueueOf(4);

        Assert.True(queue.Remove(jobs[2]));
        Assert.False(queue.Remove(jobs[2]));

        Assert.Equal(3, queue.Count);
        Assert.Equal([jobs[0], jobs[1], jobs[3]], Listed(queue));
    }

    [Fact]
    public void Remove_JobNeverEnqueued_ReturnsFalse()
    {
        var (queue, _) = QueueOf(4);

        Assert.False(queue.Remove(Job(10_000)));
        Assert.False(queue.Remove(Job(7)));
        Assert.Equal(4, queue.Count);
    }

    [Fact]
    public void Remove_OtherInstanceWithSameIndex_ReturnsFalse()
    {
        var (queue, jobs) = QueueOf(4);

        Assert.False(queue.Remove(Job(1, processors: 2, requestedSeconds: 20)));
        Assert.Equal(jobs, Listed(queue));
    }

    [Fact]
    public void Remove_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new WaitingQueue().Remove(null!));
    }

    [Fact]
    public void Head_AfterRemovingLeadingJobs_IsTheFirstWaitingJob()
    {
        var (queue, jobs) = QueueOf(4);

        queue.Remove(jobs[1]);
        Assert.Same(jobs[0], queue.Head);

        queue.Remove(jobs[0]);
        Assert.Same(jobs[2], queue.Head);

        queue.Remove(jobs[3]);
        queue.Remove(jobs[2]);
        Assert.Null(queue.Head);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Enumerate_RemovingTheCurrentJob_VisitsEveryJobOnce()
    {
        var (queue, jobs) = QueueOf(8);
        var visited = new List<JobRequest>();

        foreach (var job in queue)
        {
            visited.Add(job);
            if (job.Index % 2 == 0)
            {
                Assert.True(queue.Remove(job));
            }
        }

        Assert.Equal(jobs, visited);
        Assert.Equal([jobs[1], jobs[3], jobs[5], jobs[7]], Listed(queue));
        Assert.Same(jobs[1], queue.Head);
    }

    [Fact]
    public void Enumerate_RemovingALaterJob_SkipsIt()
    {
        var (queue, jobs) = QueueOf(5);
        var visited = new List<JobRequest>();

        foreach (var job in queue)
        {
            visited.Add(job);
            if (job == jobs[1])
            {
                queue.Remove(jobs[3]);
            }
        }

        Assert.Equal([jobs[0], jobs[1], jobs[2], jobs[4]], visited);
    }

    [Fact]
    public void Enumerate_RemovingEveryJob_LeavesAnEmptyQueue()
    {
        var (queue, jobs) = QueueOf(6);
        var visited = 0;

        foreach (var job in queue)
        {
            visited++;
            queue.Remove(job);
        }

        Assert.Equal(6, visited);
        Assert.Equal(0, queue.Count);
        Assert.Null(queue.Head);
        Assert.Empty(Listed(queue));
        Assert.Equal(jobs.Length, visited);
    }

    [Fact]
    public void CopyTo_CopiesWaitingJobsInArrivalOrder()
    {
        var (queue, jobs) = QueueOf(6);
        queue.Remove(jobs[0]);
        queue.Remove(jobs[3]);
        var buffer = new JobRequest[10];

        var copied = queue.CopyTo(buffer);

        Assert.Equal(4, copied);
        Assert.Equal([jobs[1], jobs[2], jobs[4], jobs[5]], buffer.Take(copied));
        Assert.Null(buffer[4]);
    }

    [Fact]
    public void CopyTo_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new WaitingQueue().CopyTo(null!));
    }

    [Fact]
    public void CompactIfSparse_ManyRemovedSlots_KeepsOrderAndLookups()
    {
        var (queue, jobs) = QueueOf(60);
        var kept = new List<JobRequest>();
        foreach (var job in jobs)
        {
            if (job.Index is 0 or 17 or 33 or 59)
            {
                kept.Add(job);
            }
            else
            {
                queue.Remove(job);
            }
        }

        queue.CompactIfSparse();

        Assert.Equal(kept, Listed(queue));
        Assert.Equal(4, queue.Count);
        Assert.Same(jobs[0], queue.Head);

        // Slots moved: removing and scanning must still find the jobs.
        Assert.True(queue.Remove(jobs[17]));
        Assert.False(queue.Remove(jobs[18]));
        var late = Job(60, processors: 1, requestedSeconds: 5);
        queue.Enqueue(late, late.RequestedTime);
        Assert.Equal([jobs[0], jobs[33], jobs[59], late], Listed(queue));
        var scan = queue.ScanAfter(jobs[33]);
        Assert.Same(jobs[59], scan.Next(100, 100, Seconds(1_000)));
        Assert.Same(late, scan.Next(100, 100, Seconds(1_000)));
        Assert.Null(scan.Next(100, 100, Seconds(1_000)));
    }

    [Fact]
    public void CompactIfSparse_DenseQueue_ChangesNothingVisible()
    {
        var (queue, jobs) = QueueOf(10);
        queue.Remove(jobs[4]);

        queue.CompactIfSparse();

        Assert.Equal(jobs.Where(j => j.Index != 4), Listed(queue));
    }

    [Fact]
    public void CompactIfSparse_AllRemoved_LeavesAnEmptyUsableQueue()
    {
        var (queue, jobs) = QueueOf(40);
        foreach (var job in jobs)
        {
            queue.Remove(job);
        }

        queue.CompactIfSparse();

        Assert.Null(queue.Head);
        var again = Job(40);
        queue.Enqueue(again, again.RequestedTime);
        Assert.Equal([again], Listed(queue));
    }

    [Fact]
    public void Enqueue_BeyondCapacity_GrowsAndKeepsOrder()
    {
        var (queue, jobs) = QueueOf(300, capacity: 4);

        Assert.Equal(300, queue.Count);
        Assert.Equal(jobs, Listed(queue));
        Assert.Same(jobs[0], queue.Head);
        Assert.True(queue.Remove(jobs[299]));
        Assert.True(queue.Remove(jobs[0]));
        Assert.Same(jobs[1], queue.Head);
    }

    [Fact]
    public void Enqueue_FullWithRemovedSlots_ReusesThemInOrder()
    {
        var queue = new WaitingQueue(capacity: 4);
        var jobs = Enumerable.Range(0, 4).Select(i => Job(i)).ToArray();
        foreach (var job in jobs)
        {
            queue.Enqueue(job, job.RequestedTime);
        }

        queue.Remove(jobs[1]);
        queue.Remove(jobs[2]);
        var fifth = Job(4);
        var sixth = Job(5);
        queue.Enqueue(fifth, fifth.RequestedTime);
        queue.Enqueue(sixth, sixth.RequestedTime);

        Assert.Equal([jobs[0], jobs[3], fifth, sixth], Listed(queue));
        Assert.True(queue.Remove(jobs[3]));
        Assert.Equal([jobs[0], fifth, sixth], Listed(queue));
    }

    [Fact]
    public void Enqueue_LargeJobIndex_IsFoundAgain()
    {
        var queue = new WaitingQueue();
        var far = Job(100_000);

        queue.Enqueue(far, far.RequestedTime);

        Assert.Same(far, queue.Head);
        Assert.True(queue.Remove(far));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Enqueue_AfterRemovingAll_StartsAfresh()
    {
        var (queue, jobs) = QueueOf(3);
        foreach (var job in jobs)
        {
            queue.Remove(job);
        }

        var next = Job(3);
        queue.Enqueue(next, next.RequestedTime);

        Assert.Same(next, queue.Head);
        Assert.Equal(1, queue.Count);
    }
}
