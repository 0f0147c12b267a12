namespace Augur.Testing;

/// <summary>
/// Seeded random workloads for differential tests: sizes 1..<c>maxProcessors</c> (mostly small, some
/// powers of two), run times from 0 s to hours, requests at or above the run time except for a share
/// that runs past its request (killed there), bursts of jobs with one submit time, and a few jobs
/// without a requested time. Same seed, same workload.
/// </summary>
public static class RandomWorkload
{
    public static Core.Jobs.Workload Create(int seed, int jobs, int maxProcessors = 64, double withoutRequestShare = 0.0, int maxGapSeconds = 1800)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(jobs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxProcessors);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxGapSeconds);
        var random = new Random(seed);
        var builder = new WorkloadBuilder();
        long submit = 0;
        for (var i = 0; i < jobs; i++)
        {
            // A third of the jobs share the previous submit time (bursts); the rest arrive 1..maxGap s later.
            if (i > 0 && random.NextDouble() >= 0.33)
            {
                submit += random.Next(1, maxGapSeconds + 1);
            }

            var processors = random.NextDouble() switch
            {
                < 0.4 => 1 << random.Next(0, Log2(maxProcessors) + 1),
                < 0.7 => random.Next(1, Math.Min(8, maxProcessors) + 1),
                _ => random.Next(1, maxProcessors + 1),
            };
            long run = random.NextDouble() switch
            {
                < 0.03 => 0,
                < 0.5 => random.Next(1, 600),
                < 0.9 => random.Next(600, 7200),
                _ => random.Next(7200, 36000),
            };
            long? requested = random.NextDouble() switch
            {
                < 0.15 => Math.Max(1, run), // exact estimate
                < 0.25 => Math.Max(1, run - random.Next(1, 600)), // runs past its request: killed
                < 0.6 => Math.Max(1, run) + random.Next(0, 3600),
                _ => RoundUp(Math.Max(1, run) * (1 + (random.NextDouble() * 9)), 900),
            };
            if (withoutRequestShare > 0 && random.NextDouble() < withoutRequestShare)
            {
                requested = null;
            }

            builder.Job(submit, processors, run, requested, user: random.Next(0, 20));
        }

        return builder.Build($"random-{seed}-{jobs}", maxProcessors);
    }

    private static int Log2(int value)
    {
        var log = 0;
        while ((1 << (log + 1)) <= value)
        {
            log++;
        }

        return log;
    }

    private static long RoundUp(double seconds, long step) => (long)Math.Ceiling(seconds / step) * step;
}
