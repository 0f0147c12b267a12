using System.Text;
using System.Text.Json;
using Augur.Reports.Summaries;
using Augur.Simulation;
using Augur.Simulation.Metrics;

namespace Augur.Reports.Tests.Summaries;

public sealed class SummaryPredictionSectionTests
{
    [Fact]
    public void Write_PredictedSchedule_WritesThePredictionSectionWithHandComputedAccuracy()
    {
        using var document = JsonDocument.Parse(Write(PredictedSchedule.Run()));
        var root = document.RootElement;
        var prediction = root.GetProperty("prediction");

        Assert.False(root.GetProperty("oracle").GetBoolean());
        Assert.Equal("predictor/test-table", prediction.GetProperty("predictor").GetString());
        Assert.Equal("corrector/test-plus-minute", prediction.GetProperty("corrector").GetString());
        Assert.False(prediction.GetProperty("oracle").GetBoolean());
        Assert.Equal(4, prediction.GetProperty("corrections").GetInt64());

        // First estimates 100, 100, 10, 12.5 against runs 100, 250, 5, 30.
        // Absolute errors 0, 150, 5, 17.5: mean 172.5 / 4 = 43.125; median (5 + 17.5) / 2 = 11.25.
        // Under-predicted: jobs 2 and 4. Accuracy 1, 100/250, 5/10, 12.5/30: mean 0.579167 (6 decimals).
        // Intervals: job 1's [90, 110] holds 100, job 2's [50, 200] misses 250: coverage 0.5.
        Assert.Equal(43.125, prediction.GetProperty("mae").GetDouble());
        Assert.Equal(11.25, prediction.GetProperty("median_absolute_error").GetDouble());
        Assert.Equal(0.5, prediction.GetProperty("underprediction_rate").GetDouble());
        Assert.Equal(0.579167, prediction.GetProperty("accuracy_mean").GetDouble());
        Assert.Equal(0.5, prediction.GetProperty("interval_coverage").GetDouble());
    }

    [Fact]
    public void Write_NoQuantiles_IntervalCoverageIsNull()
    {
        using var document = JsonDocument.Parse(Write(PredictedSchedule.Run(quantiles: false)));

        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("prediction").GetProperty("interval_coverage").ValueKind);
        Assert.Equal(43.125, document.RootElement.GetProperty("prediction").GetProperty("mae").GetDouble());
    }

    [Fact]
    public void Write_OraclePredictor_SaysOracleAtTheTopAndInTheSection()
    {
        using var document = JsonDocument.Parse(Write(PredictedSchedule.Run(oracle: true)));
        var root = document.RootElement;

        Assert.True(root.GetProperty("oracle").GetBoolean());
        Assert.True(root.GetProperty("prediction").GetProperty("oracle").GetBoolean());
        Assert.Equal("predictor/test-oracle", root.GetProperty("prediction").GetProperty("predictor").GetString());
    }

    [Fact]
    public void Write_NoPredictor_HasNeitherPredictionNorOracle()
    {
        using var document = JsonDocument.Parse(Write(ThreeJobSchedule.Run()));
        var root = document.RootElement;

        Assert.False(root.TryGetProperty("prediction", out _));
        Assert.False(root.TryGetProperty("oracle", out _));
    }

    [Fact]
    public void Write_PredictedScheduleTwice_IsByteIdentical()
    {
        Assert.Equal(Write(PredictedSchedule.Run()), Write(PredictedSchedule.Run()));
    }

    private static string Write(SimulationResult result)
    {
        var run = new RunDescription { Trace = "predicted.swf", Policy = "test/fcfs" };
        using var stream = new MemoryStream();
        SummaryWriter.Write(stream, run, result, ScheduleMetrics.Compute(result), "9.9.9");
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
