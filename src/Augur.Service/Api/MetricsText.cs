using System.Globalization;
using System.Text;
using Augur.Service.Driver;

namespace Augur.Service.Api;

/// <summary>GET /metrics in the Prometheus text exposition format (version 0.0.4).</summary>
public static class MetricsText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(SchedulerMetrics metrics, MachineResources machine)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(machine);
        var text = new StringBuilder();
        Gauge(text, "augur_queue_length", "Jobs waiting to start.", metrics.QueueLength);
        Gauge(text, "augur_running_jobs", "Jobs running.", metrics.RunningJobs);
        Gauge(text, "augur_busy_processors", "Processors held by running jobs.", metrics.BusyProcessors);
        Gauge(text, "augur_total_processors", "Processors of the machine's pool.", machine.Processors);
        Gauge(text, "augur_utilization_ratio", "Busy processors over total processors.", machine.Processors == 0 ? 0 : metrics.BusyProcessors / (double)machine.Processors);
        Counter(text, "augur_finished_jobs_total", "Jobs that ended (any final state) since the service started.", metrics.FinishedJobs);
        Gauge(text, "augur_prediction_absolute_error_seconds", "Mean absolute error of run-time estimates over jobs that ran since the service started (NaN before the first).", metrics.MeanAbsoluteErrorSeconds);
        Counter(text, "augur_predicted_jobs_total", "Jobs the prediction error is averaged over.", metrics.PredictedJobs);
        Counter(text, "augur_invalid_decisions_total", "Decisions the driver refused (a policy bug).", metrics.InvalidDecisions);
        text.Append("# HELP augur_scheduling_latency_seconds Time the policy took to decide at one decision point (applying its starts excluded).\n");
        text.Append("# TYPE augur_scheduling_latency_seconds histogram\n");
        long cumulative = 0;
        for (var bucket = 0; bucket <= SchedulerMetrics.LatencyBounds.Count; bucket++)
        {
            cumulative += metrics.BucketCount(bucket);
            var bound = bucket < SchedulerMetrics.LatencyBounds.Count ? Number(SchedulerMetrics.LatencyBounds[bucket]) : "+Inf";
            text.Append(CultureInfo.InvariantCulture, $"augur_scheduling_latency_seconds_bucket{{le=\"{bound}\"}} {cumulative}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"augur_scheduling_latency_seconds_sum {Number(metrics.LatencySumSeconds)}\n");
        text.Append(CultureInfo.InvariantCulture, $"augur_scheduling_latency_seconds_count {cumulative}\n");
        text.Append("# HELP augur_scheduling_latency_recent_seconds Quantiles of the latest 4,096 decision latencies.\n");
        text.Append("# TYPE augur_scheduling_latency_recent_seconds summary\n");
        foreach (var quantile in (double[])[0.5, 0.9, 0.99])
        {
            text.Append(CultureInfo.InvariantCulture, $"augur_scheduling_latency_recent_seconds{{quantile=\"{Number(quantile)}\"}} {Number(metrics.RecentLatency(quantile))}\n");
        }

        return text.ToString();
    }

    private static void Gauge(StringBuilder text, string name, string help, double value) => Write(text, name, help, "gauge", value);

    private static void Counter(StringBuilder text, string name, string help, double value) => Write(text, name, help, "counter", value);

    private static void Write(StringBuilder text, string name, string help, string type, double value)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name} {Number(value)}\n");
    }

    private static string Number(double value) => double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);
}
