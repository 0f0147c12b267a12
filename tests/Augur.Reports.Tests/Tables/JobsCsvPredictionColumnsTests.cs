using Augur.Reports.Tables;

namespace Augur.Reports.Tests.Tables;

public sealed class JobsCsvPredictionColumnsTests
{
    [Fact]
    public void Write_PredictedSchedule_AddsThePredictedEstimateAndCorrectionsColumns()
    {
        using var writer = new StringWriter();

        JobsCsvWriter.Write(writer, PredictedSchedule.Run());

        // predicted = the run time first planned with: the prediction within [1 s, request] (job 3: 20.5
        // capped to its request 10); corrections = how often the job outlived its estimate.
        Assert.Equal(
            "id,submit,start,end,wait,run,procs,requested_time,bsld,backfilled,user,predicted,corrections\n" +
            "1,0,0,100,0,100,2,200,1,0,-1,100,0\n" +
            "2,0,0,250,0,250,2,1000,1,0,-1,100,3\n" +
            "3,10,100,105,90,5,1,10,9.5,0,-1,10,0\n" +
            "4,10,100,130,90,30,1,100,4,0,-1,12.5,1\n",
            writer.ToString());
    }

    [Fact]
    public void Write_NoPredictor_HasNoPredictionColumns()
    {
        using var writer = new StringWriter();

        JobsCsvWriter.Write(writer, ThreeJobSchedule.Run());

        Assert.Equal(JobsCsvWriter.Header, writer.ToString().Split('\n')[0]);
        Assert.DoesNotContain("predicted", writer.ToString(), StringComparison.Ordinal);
    }
}
