using System.Text;
using System.Text.Json;
using Augur.Reports.Summaries;
using Augur.Simulation.Metrics;

namespace Augur.Reports.Tests.Summaries;

public sealed class SummaryWriterTests
{
    [Fact]
    public void Write_ThreeJobSchedule_WritesTheDocumentedKeysWithHandComputedMetrics()
    {
        var result = ThreeJobSchedule.Run();
        var run = new RunDescription
        {
            Trace = "three.swf",
            Policy = "test/fcfs",
            RecordsRead = 4,
            Dropped = new Dictionary<string, int> { ["wider than the machine"] = 1 },
            Options = new Dictionary<string, string> { ["filter"] = "filter/default", ["processors"] = "4" },
        };

        using var document = JsonDocument.Parse(Write(run, result));
        var root = document.RootElement;

        Assert.Equal("9.9.9", root.GetProperty("augur_version").GetString());
        Assert.Equal("three.swf", root.GetProperty("trace").GetString());
        Assert.Equal("test/fcfs", root.GetProperty("policy").GetString());
        Assert.Equal("order/fcfs", root.GetProperty("order").GetString());
        Assert.Equal(3, root.GetProperty("jobs").GetInt32());
        Assert.Equal(4, root.GetProperty("cluster").GetProperty("processors").GetInt32());
        Assert.Equal(1, root.GetProperty("input").GetProperty("dropped").GetProperty("wider than the machine").GetInt32());
        var metrics = root.GetProperty("metrics");

        // Waits 0, 90, 110 s; runs 100, 30, 5 s.
        Assert.Equal(200.0 / 3, metrics.GetProperty("wait_mean").GetDouble(), 6);
        Assert.Equal(90, metrics.GetProperty("wait_median").GetDouble());
        Assert.Equal(90 + (0.9 * 20), metrics.GetProperty("wait_p95").GetDouble(), 6);

        // Bounded slowdowns: 1; (90 + 30) / 30 = 4; (110 + 5) / 10 = 11.5.
        Assert.Equal((1 + 4 + 11.5) / 3, metrics.GetProperty("bsld_mean").GetDouble(), 6);
        Assert.Equal(4, metrics.GetProperty("bsld_median").GetDouble());
        Assert.Equal((100 + 120 + 115) / 3.0, metrics.GetProperty("response_mean").GetDouble(), 6);

        // Makespan 135 - 0; processor-seconds 2*100 + 4*30 + 1*5 = 325 over 4 * 135.
        Assert.Equal(135, metrics.GetProperty("makespan").GetDouble());
        Assert.Equal(Math.Round(325 / (4 * 135.0), 6), metrics.GetProperty("utilization").GetDouble());
    }

    [Fact]
    public void Write_SameRunTwice_IsByteIdentical()
    {
        var run = new RunDescription { Trace = "t", Policy = "p", Options = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" } };

        Assert.Equal(Write(run, ThreeJobSchedule.Run()), Write(run, ThreeJobSchedule.Run()));
    }

    [Fact]
    public void Write_IdsWithPlusSigns_StayReadable()
    {
        var run = new RunDescription { Trace = "t<1>", Policy = "backfill/easy++" };

        var text = Write(run, ThreeJobSchedule.Run());

        Assert.Contains("\"policy\": \"backfill/easy++\"", text, StringComparison.Ordinal);
        Assert.Contains("\"trace\": \"t<1>\"", text, StringComparison.Ordinal);
    }

    private static string Write(RunDescription run, Simulation.SimulationResult result)
    {
        using var stream = new MemoryStream();
        SummaryWriter.Write(stream, run, result, ScheduleMetrics.Compute(result), "9.9.9");
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
