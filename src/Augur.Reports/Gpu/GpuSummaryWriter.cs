using System.Text.Json;
using Augur.Core.Clusters;
using Augur.Simulation.Gpu;

namespace Augur.Reports.Gpu;

/// <summary>
/// Writes a GPU run's summary.json: the run's description, the cluster, counts and metrics in seconds
/// (docs/outputs.md). Nothing time-dependent is written, so identical runs give byte-identical files. A run
/// whose predictor is an oracle says so at the top level (<c>"oracle": true</c>).
/// </summary>
public static class GpuSummaryWriter
{
    public static void Write(Stream stream, GpuRunDescription run, GpuSimulationResult result, GpuScheduleMetrics metrics, string augurVersion, GpuUsageMetrics? usage = null)
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
        WritePower(json, result);
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
        if (usage is not null)
        {
            WriteUsage(json, usage);
        }

        json.WriteEndObject();
        if (usage is not null)
        {
            WriteUsers(json, usage);
        }

        json.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter json, GpuUsageMetrics usage)
    {
        json.WriteNumber("gpu_allocated_mean", JsonOutput.Round(usage.AllocatedGpusMean));
        json.WriteNumber("gpu_utilization_mean", JsonOutput.Round(usage.Utilization));
        json.WriteNumber("fragmented_gpus_mean", JsonOutput.Round(usage.FragmentedGpusMean));
        json.WriteNumber("fragmentation_ratio", JsonOutput.Round(usage.FragmentationRatio));
        json.WriteNumber("timeline_window", JsonOutput.Round(usage.WindowSeconds));
        json.WriteNumber("energy_total_joules", JsonOutput.Round(usage.EnergyTotalJoules));
        json.WriteNumber("energy_total_kwh", JsonOutput.Round(usage.EnergyTotalJoules / 3.6e6));
        json.WriteNumber("energy_jobs_joules", JsonOutput.Round(usage.EnergyJobsJoules));
        json.WriteNumber("energy_idle_joules", JsonOutput.Round(usage.EnergyUnheldIdleJoules));
        JsonOutput.WriteNumberOrNull(json, "jain_gpu_time", usage.JainGpuTime);
        JsonOutput.WriteNumberOrNull(json, "jain_energy", usage.JainEnergy);
        JsonOutput.WriteNumberOrNull(json, "jain_gpu_time_windowed", usage.Windowed.JainGpuTime);
        JsonOutput.WriteNumberOrNull(json, "jain_energy_windowed", usage.Windowed.JainEnergy);
        json.WriteNumber("fairness_window_s", JsonOutput.Round(usage.Windowed.Window.TotalSeconds));
        json.WriteNumber("fairness_windows", usage.Windowed.Windows);
    }

    /// <summary>Per user (a job's group): GPU-seconds held and joules charged.</summary>
    private static void WriteUsers(Utf8JsonWriter json, GpuUsageMetrics usage)
    {
        json.WriteStartObject("users");
        for (var u = 0; u < usage.Users.Count; u++)
        {
            json.WriteStartObject(usage.Users[u]);
            json.WriteNumber("gpu_seconds", JsonOutput.Round(usage.GpuSecondsByUser[u]));
            json.WriteNumber("energy_joules", JsonOutput.Round(usage.EnergyJoulesByUser[u]));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>The power of each GPU model in the cluster, and where the figure comes from.</summary>
    private static void WritePower(Utf8JsonWriter json, GpuSimulationResult result)
    {
        var power = result.Options.Power;
        json.WriteStartObject("power");
        foreach (var model in result.Cluster.Models.Order(StringComparer.Ordinal))
        {
            var watts = power.For(model);
            json.WriteStartObject(model);
            json.WriteNumber("idle_watts", JsonOutput.Round(watts.IdleWatts));
            json.WriteNumber("max_watts", JsonOutput.Round(watts.MaxWatts));
            json.WriteString("source", power.Overrides.ContainsKey(model) ? "option" : GpuPowerModel.HasVendorFigure(model) ? "vendor TDP" : "assumed");
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
