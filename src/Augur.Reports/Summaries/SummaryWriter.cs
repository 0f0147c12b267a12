using System.Text.Json;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Simulation;
using Augur.Simulation.Metrics;
using Augur.Simulation.Predictions;

namespace Augur.Reports.Summaries;

/// <summary>
/// Writes summary.json: the run's description, counts and metrics (seconds). Nothing time-dependent is
/// written, so identical runs give byte-identical files. Text is escaped only as JSON requires (ids such
/// as backfill/easy++ stay readable); the file is data, never embedded in HTML.
/// </summary>
public static class SummaryWriter
{
    public static void Write(Stream stream, RunDescription run, SimulationResult result, ScheduleMetrics metrics, string augurVersion)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(metrics);
        using var json = JsonOutput.CreateWriter(stream);
        json.WriteStartObject();
        json.WriteString("augur_version", augurVersion);
        json.WriteString("trace", run.Trace);
        json.WriteString("policy", run.Policy);
        json.WriteString("order", run.Order ?? "order/fcfs");
        json.WriteNumber("jobs", result.Workload.Count);
        json.WriteNumber("never_started", result.NeverStarted);
        json.WriteStartObject("cluster");
        json.WriteString("name", result.Cluster.Name);
        json.WriteNumber("processors", result.Cluster.Processors);
        json.WriteEndObject();
        JsonOutput.WriteStrings(json, "options", run.Options);
        json.WriteStartObject("input");
        json.WriteNumber("records_read", run.RecordsRead);
        JsonOutput.WriteCounts(json, "skipped", run.Skipped);
        JsonOutput.WriteCounts(json, "dropped", run.Dropped);
        json.WriteEndObject();
        json.WriteStartObject("metrics");
        json.WriteNumber("wait_mean", JsonOutput.Round(metrics.WaitMean));
        json.WriteNumber("wait_median", JsonOutput.Round(metrics.WaitMedian));
        json.WriteNumber("wait_p95", JsonOutput.Round(metrics.WaitP95));
        json.WriteNumber("bsld_mean", JsonOutput.Round(metrics.BoundedSlowdownMean));
        json.WriteNumber("bsld_median", JsonOutput.Round(metrics.BoundedSlowdownMedian));
        json.WriteNumber("response_mean", JsonOutput.Round(metrics.ResponseMean));
        json.WriteNumber("utilization", JsonOutput.Round(metrics.Utilization));
        json.WriteNumber("makespan", JsonOutput.Round(metrics.Makespan));
        json.WriteNumber("backfilled", metrics.Backfilled);
        json.WriteNumber("killed_at_limit", metrics.Killed);
        json.WriteEndObject();
        if (result.Prediction is { } prediction)
        {
            WritePrediction(json, result, prediction);
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// The predictor the run planned with and how good its first estimates were, against the simulated run
    /// times. An oracle says so twice: here and in a top-level <c>"oracle": true</c>.
    /// </summary>
    private static void WritePrediction(Utf8JsonWriter json, SimulationResult result, PredictionRecord prediction)
    {
        var accuracy = new PredictionAccuracy();
        var corrections = 0L;
        for (var i = 0; i < result.Workload.Count; i++)
        {
            if (result.Starts[i] != Instant.MaxValue)
            {
                // An unbounded first estimate (no estimate, no request) is no estimate: counted, not scored.
                var estimate = prediction.InitialEstimates[i];
                accuracy.Add(estimate == Duration.MaxValue ? double.NaN : estimate.TotalSeconds, result.RunOf(i).TotalSeconds, prediction.Predictions[i]);
                corrections += prediction.Corrections[i];
            }
        }

        json.WriteBoolean("oracle", prediction.IsOracle);
        json.WriteStartObject("prediction");
        json.WriteString("predictor", prediction.PredictorId);
        json.WriteString("corrector", prediction.CorrectorId);
        json.WriteBoolean("oracle", prediction.IsOracle);
        json.WriteNumber("corrections", corrections);
        json.WriteNumber("without_estimate", accuracy.WithoutEstimate);
        JsonOutput.WriteNumberOrNull(json, "mae", accuracy.MeanAbsoluteError);
        JsonOutput.WriteNumberOrNull(json, "median_absolute_error", accuracy.MedianAbsoluteError);
        JsonOutput.WriteNumberOrNull(json, "underprediction_rate", accuracy.UnderPredictionRate);
        JsonOutput.WriteNumberOrNull(json, "accuracy_mean", accuracy.MeanAccuracy);
        JsonOutput.WriteNumberOrNull(json, "interval_coverage", accuracy.IntervalCoverage);
        json.WriteEndObject();
    }
}
