using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Core.Tests.Jobs;

public sealed class WorkloadTests
{
    private static WorkloadJob Entry(int index, long submitSeconds, long id = -1) =>
        new(
            new JobRequest(index, id < 0 ? index + 1 : id, Instant.FromSeconds(submitSeconds), 1, Duration.FromSeconds(10)),
            new JobOutcome(Duration.FromSeconds(5)));

    [Fact]
    public void Constructor_JobsInOrder_KeepsThem()
    {
        WorkloadJob[] jobs = [Entry(0, 0), Entry(1, 5), Entry(2, 5), Entry(3, 9)];

        var workload = new Workload("demo", jobs, 64);

        Assert.Equal("demo", workload.Name);
        Assert.Equal(4, workload.Count);
        Assert.Same(jobs, workload.Jobs);
        Assert.Equal(64, workload.MachineProcessors);
    }

    [Fact]
    public void Constructor_Empty_IsAccepted()
    {
        var workload = new Workload("empty", [], null);

        Assert.Equal(0, workload.Count);
        Assert.Null(workload.MachineProcessors);
    }

    [Fact]
    public void Constructor_NullJobs_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new Workload("x", null!, null));
    }

    [Fact]
    public void Constructor_IndexNotItsPosition_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Workload("x", [Entry(0, 0), Entry(2, 1)], null));

        Assert.Equal("jobs", error.ParamName);
        Assert.StartsWith("Job at position 1 has index 2; indexes must be 0..n-1 in order.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FirstIndexNotZero_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Workload("x", [Entry(1, 0)], null));

        Assert.StartsWith("Job at position 0 has index 1;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SwappedIndexes_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Workload("x", [Entry(1, 0), Entry(0, 0)], null));
    }

    [Fact]
    public void Constructor_SubmitsOutOfOrder_Throws()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new Workload("x", [Entry(0, 0), Entry(1, 10, id: 77), Entry(2, 9, id: 78)], null));

        Assert.Equal("jobs", error.ParamName);
        Assert.StartsWith("Job 78 is submitted before the job listed ahead of it;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SubmitOneMicrosecondEarlier_Throws()
    {
        var first = new WorkloadJob(new JobRequest(0, 1, new Instant(10), 1, null), new JobOutcome(Duration.FromSeconds(1)));
        var second = new WorkloadJob(new JobRequest(1, 2, new Instant(9), 1, null), new JobOutcome(Duration.FromSeconds(1)));

        Assert.Throws<ArgumentException>(() => new Workload("x", [first, second], null));
    }
}
