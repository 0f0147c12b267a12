using Augur.Traces.Cloud;
using Augur.Traces.Gpu;

namespace Augur.Traces.Tests.Cloud;

public sealed class GaiaToSwfTests
{
    [Fact]
    public void Convert_Jobs_GiveSwfRecordsInSecondsWithoutRequestOrUser()
    {
        var jobs = new[] { new GaiaJob(1_499_999, 1_500_000, 4, 2), new GaiaJob(900_000_000, 3_600_000_000, 30, 3) };
        var trace = new GpuTrace<GaiaJob>("g.csv", jobs, new SkippedRecords());

        var swf = GaiaToSwf.Convert(trace);

        // 1.499999 s rounds down to 1 s, 1.5 s up to 2 s.
        var first = swf.Records[0];
        Assert.Equal((1L, 1L, 2L, 4L, 4L), (first.JobNumber, first.SubmitTime, first.RunTime, first.AllocatedProcessors, first.RequestedProcessors));
        Assert.Equal((-1L, -1L, 2L), (first.RequestedTime, first.UserId, first.Line));
        Assert.Equal((900L, 3600L, 30L), (swf.Records[1].SubmitTime, swf.Records[1].RunTime, swf.Records[1].AllocatedProcessors));

        // No machine size in the trace: MaxProcs is the widest job.
        Assert.Equal(30, swf.Header.MachineProcessors);
    }
}
