using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Core.Tests;

/// <summary>Small builders for the core's tests: jobs whose index, id and shape are given directly.</summary>
internal static class TestJobs
{
    /// <summary>A job with index <paramref name="index"/> and id <c>index + 1</c>.</summary>
    public static JobRequest Job(int index, int processors = 1, long requestedSeconds = 100, long submitSeconds = 0) =>
        new(index, index + 1, Instant.FromSeconds(submitSeconds), processors, Duration.FromSeconds(requestedSeconds));

    /// <summary>A job without a requested wall time.</summary>
    public static JobRequest Unbounded(int index, int processors = 1) =>
        new(index, index + 1, Instant.Zero, processors, requestedTime: null);

    public static Instant At(long seconds) => Instant.FromSeconds(seconds);

    public static Duration Seconds(long seconds) => Duration.FromSeconds(seconds);
}
