namespace Augur.Simulation.Metrics;

/// <summary>
/// The standard batch-scheduling metrics of a simulated schedule, in seconds. Bounded slowdown uses
/// tau = 10 s: max(1, (wait + run) / max(run, 10)). Percentiles interpolate linearly between order
/// statistics (the "type 7" definition of Hyndman and Fan, numpy's default). Makespan is the last end
/// minus the first submit; utilization is processor-seconds used over processors times makespan.
/// </summary>
public sealed record ScheduleMetrics(
    int Jobs,
    double WaitMean,
    double WaitMedian,
    double WaitP95,
    double BoundedSlowdownMean,
    double BoundedSlowdownMedian,
    double ResponseMean,
    double Utilization,
    double Makespan,
    int Backfilled,
    int Killed)
{
    public const double SlowdownThresholdSeconds = 10;

    public static ScheduleMetrics Compute(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var jobs = result.Workload.Jobs;
        var waits = new double[jobs.Count];
        var slowdowns = new double[jobs.Count];
        var count = 0;
        double waitSum = 0, slowdownSum = 0, responseSum = 0, processorSeconds = 0;
        var firstSubmit = long.MaxValue;
        var lastEnd = long.MinValue;
        int backfilled = 0, killed = 0;
        for (var i = 0; i < jobs.Count; i++)
        {
            if (result.Starts[i] == Core.Time.Instant.MaxValue)
            {
                continue;
            }

            var wait = result.WaitOf(i).TotalSeconds;
            var run = result.RunOf(i).TotalSeconds;
            var slowdown = BoundedSlowdown(wait, run);
            waits[count] = wait;
            slowdowns[count] = slowdown;
            count++;
            waitSum += wait;
            slowdownSum += slowdown;
            responseSum += wait + run;
            processorSeconds += run * jobs[i].Request.Processors;
            firstSubmit = Math.Min(firstSubmit, jobs[i].Request.Submit.Microseconds);
            lastEnd = Math.Max(lastEnd, result.Ends[i].Microseconds);
            backfilled += result.Backfilled[i] ? 1 : 0;
            killed += result.Killed[i] ? 1 : 0;
        }

        if (count == 0)
        {
            return new ScheduleMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        Array.Sort(waits, 0, count);
        Array.Sort(slowdowns, 0, count);
        var makespan = (lastEnd - firstSubmit) / (double)Core.Time.Duration.MicrosecondsPerSecond;
        var utilization = makespan > 0 ? processorSeconds / (result.Cluster.Processors * makespan) : 0;
        return new ScheduleMetrics(
            count,
            waitSum / count,
            Percentile(waits, count, 0.5),
            Percentile(waits, count, 0.95),
            slowdownSum / count,
            Percentile(slowdowns, count, 0.5),
            responseSum / count,
            utilization,
            makespan,
            backfilled,
            killed);
    }

    public static double BoundedSlowdown(double waitSeconds, double runSeconds) =>
        Math.Max(1, (waitSeconds + runSeconds) / Math.Max(runSeconds, SlowdownThresholdSeconds));

    /// <summary>Type-7 percentile of the first <paramref name="count"/> sorted values.</summary>
    public static double Percentile(double[] sorted, int count, double quantile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (count == 0)
        {
            return 0;
        }

        var position = (count - 1) * quantile;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, count - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
