using Augur.Reports.Runs;

namespace Augur.Reports.Tests;

/// <summary>Builds <see cref="JobRow"/>s for chart tests: a started job from submit, start and end, or one that never started.</summary>
internal static class JobRows
{
    /// <summary>A started job: wait = start - submit, run = end - start, bounded slowdown max(1, (wait + run) / max(run, 10)).</summary>
    public static JobRow Started(double submit, double start, double end, int processors = 1, int user = -1, double predicted = double.NaN, long id = 0)
    {
        var wait = start - submit;
        var run = end - start;
        var boundedSlowdown = Math.Max(1, (wait + run) / Math.Max(run, 10));
        return new JobRow(id, submit, start, end, wait, run, processors, boundedSlowdown, user, predicted);
    }

    /// <summary>A job that never started: NaN for every schedule value.</summary>
    public static JobRow NeverStarted(double submit, int processors = 1, int user = -1, double predicted = double.NaN, long id = 0) =>
        new(id, submit, double.NaN, double.NaN, double.NaN, double.NaN, processors, double.NaN, user, predicted);

    /// <summary>A job known only by its wait (for the wait-by-group charts): submitted at 0, run 100 s.</summary>
    public static JobRow Waited(double wait, int processors = 1, int user = -1) =>
        Started(0, wait, wait + 100, processors, user);
}
