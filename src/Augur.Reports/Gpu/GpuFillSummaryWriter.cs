using System.Text.Json;
using Augur.Simulation.Gpu;

namespace Augur.Reports.Gpu;

/// <summary>
/// Writes the summary.json of a fill experiment (<c>augur simulate --fill X</c>, docs/outputs.md): jobs
/// arrived and placed, GPUs asked and placed, the GPUs asked when the first job failed, and the cluster at
/// the end and after each step of 5 % of its GPUs asked (allocated, free and fragmented GPUs).
/// </summary>
public static class GpuFillSummaryWriter
{
    public static void Write(Stream stream, GpuRunDescription run, GpuFillResult result, string augurVersion)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        using var json = JsonOutput.CreateWriter(stream);
        json.WriteStartObject();
        json.WriteString("augur_version", augurVersion);
        json.WriteString("mode", "fill");
        json.WriteString("trace", run.Trace);
        json.WriteString("format", run.Format);
        json.WriteString("placement", result.PlacementId);
        json.WriteNumber("fill_target", JsonOutput.Round(result.Target));
        json.WriteStartObject("cluster");
        json.WriteString("name", result.Cluster.Name);
        json.WriteNumber("nodes", result.Cluster.Nodes.Count);
        json.WriteNumber("gpus", result.Cluster.TotalGpus);
        json.WriteEndObject();
        JsonOutput.WriteStrings(json, "options", run.Options);
        json.WriteStartObject("metrics");
        json.WriteNumber("jobs_arrived", result.Arrived);
        json.WriteNumber("jobs_placed", result.Placed);
        json.WriteNumber("gpus_asked", JsonOutput.Round(result.AskedGpus));
        json.WriteNumber("gpus_placed", JsonOutput.Round(result.PlacedGpus));
        json.WriteNumber("placed_fraction", JsonOutput.Round(result.PlacedFraction));
        if (result.AskedGpusAtFirstFailure is { } first)
        {
            json.WriteNumber("gpus_asked_at_first_failure", JsonOutput.Round(first));
        }
        else
        {
            json.WriteNull("gpus_asked_at_first_failure");
        }

        json.WriteNumber("allocated_gpus", JsonOutput.Round(result.End.AllocatedGpus));
        json.WriteNumber("free_gpus", JsonOutput.Round(result.End.FreeGpus));
        json.WriteNumber("fragmented_gpus", JsonOutput.Round(result.End.FragmentedGpus));
        json.WriteEndObject();
        json.WriteStartArray("curve");
        foreach (var point in result.Points)
        {
            json.WriteStartObject();
            json.WriteNumber("asked_percent", JsonOutput.Round(point.AskedPercent));
            json.WriteNumber("allocated_gpus", JsonOutput.Round(point.AllocatedGpus));
            json.WriteNumber("free_gpus", JsonOutput.Round(point.FreeGpus));
            json.WriteNumber("fragmented_gpus", JsonOutput.Round(point.FragmentedGpus));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
