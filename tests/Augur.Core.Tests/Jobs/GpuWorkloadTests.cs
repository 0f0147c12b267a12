using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Time;

namespace Augur.Core.Tests.Jobs;

public sealed class GpuWorkloadTests
{
    private static GpuWorkloadJob Entry(int index, long submitSeconds, string group, int gpus, long runSeconds) =>
        new(new GpuJobRequest(index, $"line{index + 2}", Instant.FromSeconds(submitSeconds), GpuRequest.Whole(gpus), group), Duration.FromSeconds(runSeconds));

    [Fact]
    public void Split_TwoOfFour_IndexesTheRestFromZeroAndTheHistoryAfterThem()
    {
        var workload = new GpuWorkload("w", [Entry(0, 0, "a", 1, 10), Entry(1, 5, "b", 2, 20), Entry(2, 9, "a", 4, 30), Entry(3, 9, "c", 8, 40)]);

        var (history, remaining) = workload.Split(2);

        // The history keeps its jobs and is numbered after the remaining ones, apart from them.
        Assert.Equal(["line2", "line3"], history.Select(j => j.Request.Id));
        Assert.Equal([2, 3], history.Select(j => j.Request.Index));
        Assert.Equal([Duration.FromSeconds(10), Duration.FromSeconds(20)], history.Select(j => j.RunTime));
        Assert.Equal("w", remaining.Name);
        Assert.Equal(2, remaining.Count);

        // Everything but the index is the job's own: its id, submission, request, group and run time.
        Assert.Equal([0, 1], remaining.Jobs.Select(j => j.Request.Index));
        Assert.Equal(["line4", "line5"], remaining.Jobs.Select(j => j.Request.Id));
        Assert.Equal([Instant.FromSeconds(9), Instant.FromSeconds(9)], remaining.Jobs.Select(j => j.Request.Submit));
        Assert.Equal([4, 8], remaining.Jobs.Select(j => j.Request.Resources.Gpus));
        Assert.Equal(["a", "c"], remaining.Jobs.Select(j => j.Request.Group));
        Assert.Equal([Duration.FromSeconds(30), Duration.FromSeconds(40)], remaining.Jobs.Select(j => j.RunTime));
    }

    [Fact]
    public void Split_NoneOrAll_GivesAnEmptySide()
    {
        var workload = new GpuWorkload("w", [Entry(0, 0, "a", 1, 10), Entry(1, 5, "b", 2, 20)]);

        Assert.Empty(workload.Split(0).History);
        Assert.Equal(2, workload.Split(0).Remaining.Count);
        Assert.Equal(0, workload.Split(2).Remaining.Count);
    }

    [Fact]
    public void Split_MoreThanTheWorkloadOrNegative_Throws()
    {
        var workload = new GpuWorkload("w", [Entry(0, 0, "a", 1, 10)]);

        Assert.Throws<ArgumentOutOfRangeException>(() => workload.Split(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => workload.Split(-1));
    }
}
