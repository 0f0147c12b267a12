using Augur.Reports.Runs;

namespace Augur.Reports.Tests;

/// <summary>Builds <see cref="GpuJobRow"/>s for chart tests: finished, preempted and never resumed, or never started.</summary>
internal static class GpuJobRows
{
    /// <summary>A finished job: wait = start − submit, JCT = end − submit, run = end − start.</summary>
    public static GpuJobRow Finished(double submit, double start, double end, int gpus = 1, int milli = 1000, string group = "vc") =>
        new("j", submit, start, end, start - submit, end - submit, end - start, end - start, gpus, milli, group, 0);

    /// <summary>A job preempted and never resumed: a start and a wait, no end.</summary>
    public static GpuJobRow NeverFinished(double submit, double start, int gpus = 1) =>
        new("j", submit, start, double.NaN, start - submit, double.NaN, double.NaN, 100, gpus, 1000, "vc", 0);

    /// <summary>A job that never started.</summary>
    public static GpuJobRow NeverStarted(double submit, int gpus = 1) =>
        new("j", submit, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 100, gpus, 1000, "vc", 0);
}
