using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;

using static Augur.Core.Tests.TestJobs;

namespace Augur.Core.Tests.Scheduling;

public sealed class BackfillScanTests
{
    private static WaitingQueue QueueOf(params JobRequest[] jobs)
    {
        var queue = new WaitingQueue();
        foreach (var job in jobs)
        {
            queue.Enqueue(job, job.RequestedTime);
        }

        return queue;
    }

    [Fact]
    public void Next_EasyPass_FindsCandidatesInArrivalOrder()
    {
        var blocked = Job(0, processors: 8, requestedSeconds: 100);
        var j1 = Job(1, processors: 4, requestedSeconds: 50);
        var j2 = Job(2, processors: 2, requestedSeconds: 500);
        var j3 = Job(3, processors: 1, requestedSeconds: 1000);
        var j4 = Job(4, processors: 3, requestedSeconds: 80);
        var queue = QueueOf(blocked, j1, j2, j3, j4);
        var window = Seconds(100);

        var scan = queue.ScanAfter(blocked);

        // 5 free, 1 extra: j1 fits and ends within the window.
        Assert.Same(j1, scan.Next(5, 1, window));

        // 1 free, 1 extra: j2 needs 2; j3 outlasts the window but needs no more than the extra processor.
        Assert.Same(j3, scan.Next(1, 1, window));

        // Nothing free: nothing more.
        Assert.Null(scan.Next(0, 0, window));
    }

    [Fact]
    public void Next_PlannedRunEqualToWindow_Qualifies()
    {
        var blocked = Job(0, processors: 8);
        var exact = Job(1, processors: 2, requestedSeconds: 100);
        var queue = QueueOf(blocked, exact);

        var scan = queue.ScanAfter(blocked);

        Assert.Same(exact, scan.Next(2, 0, Seconds(100)));
    }

    [Fact]
    public void Next_PlannedRunJustOverWindowAndTooWide_IsSkipped()
    {
        var blocked = Job(0, processors: 8);
        var over = Job(1, processors: 2, requestedSeconds: 100);
        var queue = QueueOf(blocked, over);

        var scan = queue.ScanAfter(blocked);

        Assert.Null(scan.Next(2, 1, Seconds(100) - new Duration(1)));
    }

    [Fact]
    public void Next_UsesThePlannedRunTimeGivenAtEnqueue()
    {
        var blocked = Job(0, processors: 8);
        var job = Job(1, processors: 2, requestedSeconds: 1000);
        var queue = new WaitingQueue();
        queue.Enqueue(blocked, blocked.RequestedTime);
        queue.Enqueue(job, Seconds(30));

        Assert.Same(job, queue.ScanAfter(blocked).Next(2, 0, Seconds(30)));
    }

    [Fact]
    public void Next_JobsBeforeTheBlockedJob_AreNeverReturned()
    {
        var before = Job(0, processors: 1);
        var blocked = Job(1, processors: 8);
        var after = Job(2, processors: 1);
        var queue = QueueOf(before, blocked, after);

        var scan = queue.ScanAfter(blocked);

        Assert.Same(after, scan.Next(10, 10, Seconds(1_000)));
        Assert.Null(scan.Next(10, 10, Seconds(1_000)));
        Assert.Null(scan.Next(10, 10, Seconds(1_000)));
    }

    [Fact]
    public void Next_BlockedJobIsLast_ReturnsNull()
    {
        var first = Job(0);
        var blocked = Job(1, processors: 8);
        var queue = QueueOf(first, blocked);

        Assert.Null(queue.ScanAfter(blocked).Next(10, 10, Seconds(1_000)));
    }

    [Fact]
    public void Next_RemovedJobs_AreSkipped()
    {
        var blocked = Job(0, processors: 8);
        var gone = Job(1, processors: 1);
        var kept = Job(2, processors: 1);
        var queue = QueueOf(blocked, gone, kept);
        queue.Remove(gone);

        var scan = queue.ScanAfter(blocked);

        Assert.Same(kept, scan.Next(4, 4, Seconds(1_000)));
        Assert.Null(scan.Next(4, 4, Seconds(1_000)));
    }

    [Fact]
    public void Next_JobRemovedDuringTheScan_IsSkipped()
    {
        var blocked = Job(0, processors: 8);
        var a = Job(1, processors: 1);
        var b = Job(2, processors: 1);
        var c = Job(3, processors: 1);
        var queue = QueueOf(blocked, a, b, c);
        var scan = queue.ScanAfter(blocked);

        Assert.Same(a, scan.Next(4, 4, Seconds(1_000)));
        queue.Remove(a);
        queue.Remove(b);

        Assert.Same(c, scan.Next(4, 4, Seconds(1_000)));
    }

    [Fact]
    public void Next_LargerFreeLater_DoesNotGoBack()
    {
        var blocked = Job(0, processors: 8);
        var wide = Job(1, processors: 6);
        var narrow = Job(2, processors: 1);
        var queue = QueueOf(blocked, wide, narrow);
        var scan = queue.ScanAfter(blocked);

        Assert.Same(narrow, scan.Next(2, 2, Seconds(1_000)));
        Assert.Null(scan.Next(10, 10, Seconds(1_000)));
    }

    [Fact]
    public void ScanAfter_JobNotWaiting_Throws()
    {
        var blocked = Job(0, processors: 8);
        var queue = QueueOf(blocked, Job(1));

        Assert.Throws<ArgumentException>(() => queue.ScanAfter(Job(2)));
        Assert.Throws<ArgumentException>(() => queue.ScanAfter(Job(50_000)));
        Assert.Throws<ArgumentException>(() => queue.ScanAfter(Job(0, processors: 8)));
        Assert.Throws<ArgumentNullException>(() => queue.ScanAfter(null!));

        queue.Remove(blocked);
        Assert.Throws<ArgumentException>(() => queue.ScanAfter(blocked));
    }

    /// <summary>
    /// Next's contract: "null when none is left". With every processor bound at int.MaxValue (a caller's
    /// "no limit"), the index's empty-slot sentinel (int.MaxValue processors, long.MaxValue run) passes the
    /// test, so the scan stops at a removed slot although a fitting job follows.
    /// </summary>
    [Fact]
    public void Next_UnboundedLimitsAfterRemovedSlot_StillFindsTheNextJob()
    {
        var blocked = Job(0, processors: 8);
        var gone = Job(1, processors: 1);
        var kept = Job(2, processors: 1);
        var queue = QueueOf(blocked, gone, kept);
        queue.Remove(gone);

        var scan = queue.ScanAfter(blocked);

        Assert.Same(kept, scan.Next(int.MaxValue, int.MaxValue, Seconds(1_000)));
    }

    [Theory]
    [InlineData(101)]
    [InlineData(202)]
    [InlineData(303)]
    public void Next_RandomQueues_MatchLinearScan(int seed)
    {
        var random = new Random(seed);
        var scans = 0;
        var found = 0;
        for (var test = 0; test < 1000; test++)
        {
            var (s, f) = RunCase(random);
            scans += s;
            found += f;
        }

        Assert.True(scans > 1500, $"only {scans} scans ran");
        Assert.True(found > 1500, $"only {found} jobs were found");
    }

    private static (int Scans, int Found) RunCase(Random random)
    {
        var queue = new WaitingQueue(random.Next(1, 40));
        var model = new List<(JobRequest Job, Duration Planned)>();
        var nextIndex = 0;
        var scans = 0;
        var found = 0;
        var rounds = random.Next(1, 4);
        for (var round = 0; round < rounds; round++)
        {
            // Submissions, interleaved with starts of arbitrary jobs and the driver's compaction.
            var arrivals = random.Next(1, 120);
            for (var i = 0; i < arrivals; i++)
            {
                nextIndex += random.Next(20) == 0 ? random.Next(50, 300) : 1;
                var job = Job(nextIndex, processors: random.Next(1, 13), requestedSeconds: 10 * random.Next(1, 11));
                var planned = random.Next(10) == 0 ? Duration.MaxValue : job.RequestedTime;
                queue.Enqueue(job, planned);
                model.Add((job, planned));

                if (random.Next(100) < 35)
                {
                    var victim = random.Next(model.Count);
                    Assert.True(queue.Remove(model[victim].Job));
                    model.RemoveAt(victim);
                }

                if (random.Next(100) < 5)
                {
                    queue.CompactIfSparse();
                }
            }

            if (random.Next(2) == 0)
            {
                queue.CompactIfSparse();
            }

            AssertContents(queue, model);
            if (model.Count == 0)
            {
                continue;
            }

            // One EASY pass after a random blocked job.
            var blockedAt = random.Next(model.Count);
            var blocked = model[blockedAt].Job;
            var free = random.Next(0, 21);
            var extra = random.Next(0, 21);
            var window = random.Next(6) == 0 ? Duration.Zero : Seconds(10 * random.Next(0, 11));
            var candidates = model.Skip(blockedAt + 1).ToList();
            var waiting = new HashSet<JobRequest>(candidates.Select(c => c.Job), ReferenceEqualityComparer.Instance);
            var cursor = 0;
            var scan = queue.ScanAfter(blocked);
            scans++;
            while (true)
            {
                JobRequest? expected = null;
                while (cursor < candidates.Count)
                {
                    var (job, planned) = candidates[cursor++];
                    if (waiting.Contains(job) && job.Processors <= free && (planned <= window || job.Processors <= extra))
                    {
                        expected = job;
                        break;
                    }
                }

                var actual = scan.Next(free, extra, window);
                if (!ReferenceEquals(expected, actual))
                {
                    Assert.Fail($"Next({free}, {extra}, {window}) after {blocked}: expected {expected?.ToString() ?? "null"}, found {actual?.ToString() ?? "null"}");
                }

                if (actual is null)
                {
                    break;
                }

                found++;
                var plannedRun = model.Single(m => ReferenceEquals(m.Job, actual)).Planned;
                Assert.True(queue.Remove(actual));
                waiting.Remove(actual);
                model.RemoveAll(m => ReferenceEquals(m.Job, actual));
                free -= actual.Processors;
                if (plannedRun > window)
                {
                    extra -= actual.Processors;
                }

                // Now and then another job starts elsewhere during the pass (a job ahead of the scan).
                if (random.Next(100) < 10 && model.Count > 0)
                {
                    var other = model[random.Next(model.Count)].Job;
                    if (!ReferenceEquals(other, blocked))
                    {
                        Assert.True(queue.Remove(other));
                        waiting.Remove(other);
                        model.RemoveAll(m => ReferenceEquals(m.Job, other));
                    }
                }
            }

            AssertContents(queue, model);
        }

        return (scans, found);
    }

    private static void AssertContents(WaitingQueue queue, List<(JobRequest Job, Duration Planned)> model)
    {
        var expected = model.Select(m => m.Job).ToList();
        Assert.Equal(expected.Count, queue.Count);
        Assert.Equal(expected, WaitingQueueTests.Listed(queue));
        Assert.Same(expected.Count == 0 ? null : expected[0], queue.Head);
        var buffer = new JobRequest[expected.Count + 3];
        Assert.Equal(expected.Count, queue.CopyTo(buffer));
        Assert.Equal(expected, buffer.Take(expected.Count));
    }
}
