using Augur.Simulation.Metrics;

namespace Augur.Simulation.Gpu;

/// <summary>
/// The metrics of a GPU schedule, in seconds, over the jobs that finished (a job preempted and never resumed
/// has no end, so it is only counted, in <c>NeverFinished</c>). Job completion time (JCT) is end minus
/// submit; queueing delay is start minus submit. Percentiles are type 7 (see <see cref="ScheduleMetrics"/>).
/// Makespan is the last end minus the first submit. Preemptions are counted over all jobs. GPU allocation is the GPU-seconds held (shares count in
/// proportion: 460 milli for 100 s is 46 GPU-seconds) over GPUs times makespan.
/// </summary>
public sealed record GpuScheduleMetrics(
    int Jobs,
    int NeverStarted,
    int NeverFinished,
    double JctMean,
    double JctMedian,
    double JctP95,
    double JctP99,
    double QueueingDelayMean,
    double QueueingDelayMedian,
    double QueueingDelayP95,
    double QueueingDelayP99,
    double Makespan,
    double GpuAllocation,
    int SlowedBySpread,
    long Preemptions)
{
    public static GpuScheduleMetrics Compute(GpuSimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var jobs = result.Workload.Jobs;
        var completion = new double[jobs.Count];
        var delays = new double[jobs.Count];
        var count = 0;
        double completionSum = 0, delaySum = 0, gpuSeconds = 0;
        var firstSubmit = long.MaxValue;
        var lastEnd = long.MinValue;
        var slowed = 0;
        var preemptions = 0L;
        var neverStarted = 0;
        var neverFinished = 0;
        for (var i = 0; i < jobs.Count; i++)
        {
            if (!result.Started(i))
            {
                neverStarted++;
                continue;
            }

            // Its preemptions happened; its end, and so its JCT and the makespan, do not exist.
            preemptions += result.Preemptions[i];
            if (!result.Finished(i))
            {
                neverFinished++;
                continue;
            }

            completion[count] = result.CompletionTimeOf(i).TotalSeconds;
            delays[count] = result.WaitOf(i).TotalSeconds;
            completionSum += completion[count];
            delaySum += delays[count];
            count++;
            gpuSeconds += result.HeldGpuSeconds[i];
            firstSubmit = Math.Min(firstSubmit, jobs[i].Request.Submit.Microseconds);
            lastEnd = Math.Max(lastEnd, result.Ends[i].Microseconds);
            slowed += result.Slowed[i] ? 1 : 0;
        }

        if (count == 0)
        {
            return new GpuScheduleMetrics(0, neverStarted, neverFinished, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, preemptions);
        }

        Array.Sort(completion, 0, count);
        Array.Sort(delays, 0, count);
        var makespan = (lastEnd - firstSubmit) / 1e6;
        var allocation = makespan > 0 ? gpuSeconds / (result.Cluster.TotalGpus * makespan) : 0;
        return new GpuScheduleMetrics(
            count,
            neverStarted,
            neverFinished,
            completionSum / count,
            ScheduleMetrics.Percentile(completion, count, 0.5),
            ScheduleMetrics.Percentile(completion, count, 0.95),
            ScheduleMetrics.Percentile(completion, count, 0.99),
            delaySum / count,
            ScheduleMetrics.Percentile(delays, count, 0.5),
            ScheduleMetrics.Percentile(delays, count, 0.95),
            ScheduleMetrics.Percentile(delays, count, 0.99),
            makespan,
            allocation,
            slowed,
            preemptions);
    }
}
