using System.Text.Json;
using Augur.Simulation;
using Augur.Simulation.Metrics;

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
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
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
        json.WriteStartObject("options");
        foreach (var option in run.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            json.WriteString(option.Key, option.Value);
        }

        json.WriteEndObject();
        json.WriteStartObject("input");
        json.WriteNumber("records_read", run.RecordsRead);
        WriteCounts(json, "skipped", run.Skipped);
        WriteCounts(json, "dropped", run.Dropped);
        json.WriteEndObject();
        json.WriteStartObject("metrics");
        json.WriteNumber("wait_mean", Round(metrics.WaitMean));
        json.WriteNumber("wait_median", Round(metrics.WaitMedian));
        json.WriteNumber("wait_p95", Round(metrics.WaitP95));
        json.WriteNumber("bsld_mean", Round(metrics.BoundedSlowdownMean));
        json.WriteNumber("bsld_median", Round(metrics.BoundedSlowdownMedian));
        json.WriteNumber("response_mean", Round(metrics.ResponseMean));
        json.WriteNumber("utilization", Round(metrics.Utilization));
        json.WriteNumber("makespan", Round(metrics.Makespan));
        json.WriteNumber("backfilled", metrics.Backfilled);
        json.WriteNumber("killed_at_limit", metrics.Killed);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Six decimals: enough for seconds at microsecond resolution, and stable text.</summary>
    private static double Round(double value) => Math.Round(value, 6, MidpointRounding.ToEven);

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, int> counts)
    {
        json.WriteStartObject(name);
        foreach (var count in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(count.Key, count.Value);
        }

        json.WriteEndObject();
    }
}
