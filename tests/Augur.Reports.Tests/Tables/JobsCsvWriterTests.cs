using Augur.Core.Clusters;
using Augur.Core.Scheduling;
using Augur.Reports.Tables;
using Augur.Simulation.Engine;
using Augur.Simulation.Metrics;
using Augur.Testing;

namespace Augur.Reports.Tests.Tables;

public sealed class JobsCsvWriterTests
{
    [Fact]
    public void Write_ThreeJobSchedule_WritesOneRowPerJobInSubmissionOrder()
    {
        using var writer = new StringWriter();

        JobsCsvWriter.Write(writer, ThreeJobSchedule.Run());

        Assert.Equal(
            "id,submit,start,end,wait,run,procs,requested_time,bsld,backfilled,user\n" +
            "1,0,0,100,0,100,2,200,1,0,-1\n" +
            "2,10,100,130,90,30,4,60,4,0,7\n" +
            "3,20,130,135,110,5,1,10,11.5,0,-1\n",
            writer.ToString());
    }

    [Fact]
    public void Write_JobThatNeverStarted_LeavesItsScheduleCellsEmpty()
    {
        var workload = new WorkloadBuilder().Job(submit: 0, processors: 1, run: 10, id: 7).Build();
        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(1), new IdlePolicy());
        using var writer = new StringWriter();

        JobsCsvWriter.Write(writer, result);

        Assert.Equal("7,0,,,,,1,-1,,0,-1", writer.ToString().Split('\n')[1]);
    }

    [Fact]
    public void Row_Metrics_FormatsTheComparisonColumns()
    {
        var metrics = ScheduleMetrics.Compute(ThreeJobSchedule.Run());

        var row = ComparisonTable.Row("test/fcfs", metrics);

        Assert.Equal(ComparisonTable.Columns.Count, row.Count);
        Assert.Equal(["test/fcfs", "3", "66.7", "108", "5.500", "4.000", "111.7", "0.6019", "0"], row);
    }

    [Fact]
    public void ToMarkdown_TwoRows_IsAGithubTable()
    {
        var markdown = ComparisonTable.ToMarkdown([["a", "1"], ["b", "2"]]);

        var lines = markdown.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("| run | jobs |", lines[0], StringComparison.Ordinal);
        Assert.Equal("| a | 1 |", lines[2]);
    }

    private sealed class IdlePolicy : IPolicy
    {
        public string Id => "test/idle";

        public void Decide(SchedulingContext context)
        {
        }
    }
}
