using System.Text.Json;
using Augur.Simulation.Gpu;

namespace Augur.Reports.Gpu;

/// <summary>
/// Writes a GPU run's summary.json: the run's description, the cluster, counts and metrics in seconds
/// (docs/outputs.md). Nothing time-dependent is written, so identical runs give byte-identical files. A run
/// whose predictor is an oracle says so at the top level (<c>"oracle": true</c>).
/// </summary>
public static class GpuSummaryWriter
{
    public static void Write(Stream stream, GpuRunDescription run, GpuSimulationResult result, GpuScheduleMetrics metrics, string augurVersion)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(metrics);
        using var json = JsonOutput.CreateWriter(stream);
        json.WriteStartObject();
        json.WriteString("augur_version", augurVersion);
        json.WriteString("trace", run.Trace);
        json.WriteString("format", run.Format);
        json.WriteString("policy", result.PolicyId);
        json.WriteString("placement", result.PlacementId);
        if (result.PredictorId is { } predictor)
        {
            json.WriteString("predictor", predictor);
            json.WriteBoolean("oracle", result.PredictorIsOracle);
        }

        json.WriteNumber("jobs", result.Workload.Count);
        json.WriteNumber("never_started", metrics.NeverStarted);
        json.WriteNumber("never_finished", metrics.NeverFinished);
        json.WriteStartObject("cluster");
        json.WriteString("name", result.Cluster.Name);
        json.WriteNumber("nodes", result.Cluster.Nodes.Count);
        json.WriteNumber("gpus", result.Cluster.TotalGpus);
        json.WriteNumber("largest_node_gpus", result.Cluster.LargestNodeGpus);
        json.WriteNumber("spread_slowdown", JsonOutput.Round(result.Options.SpreadSlowdown));
        json.WriteEndObject();
        JsonOutput.WriteStrings(json, "options", run.Options);
        json.WriteStartObject("input");
        json.WriteNumber("records_read", run.RecordsRead);
        JsonOutput.WriteCounts(json, "skipped", run.Skipped);
        JsonOutput.WriteCounts(json, "left_out", run.LeftOut);
        json.WriteEndObject();
        json.WriteStartObject("metrics");
        json.WriteNumber("jct_mean", JsonOutput.Round(metrics.JctMean));
        json.WriteNumber("jct_median", JsonOutput.Round(metrics.JctMedian));
        json.WriteNumber("jct_p95", JsonOutput.Round(metrics.JctP95));
        json.WriteNumber("jct_p99", JsonOutput.Round(metrics.JctP99));
        json.WriteNumber("queueing_delay_mean", JsonOutput.Round(metrics.QueueingDelayMean));
        json.WriteNumber("queueing_delay_median", JsonOutput.Round(metrics.QueueingDelayMedian));
        json.WriteNumber("queueing_delay_p95", JsonOutput.Round(metrics.QueueingDelayP95));
        json.WriteNumber("queueing_delay_p99", JsonOutput.Round(metrics.QueueingDelayP99));
        json.WriteNumber("makespan", JsonOutput.Round(metrics.Makespan));
        json.WriteNumber("gpu_allocation", JsonOutput.Round(metrics.GpuAllocation));
        json.WriteNumber("slowed_by_spread", metrics.SlowedBySpread);
        json.WriteNumber("preemptions", metrics.Preemptions);
        json.WriteNumber("decision_points", result.DecisionPoints);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
