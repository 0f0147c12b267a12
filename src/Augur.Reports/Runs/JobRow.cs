namespace Augur.Reports.Runs;

/// <summary>
/// One row of a run's jobs.csv, in seconds. A job that never started has NaN for every schedule value
/// (<see cref="Start"/>, <see cref="End"/>, <see cref="Wait"/>, <see cref="Run"/>, <see cref="BoundedSlowdown"/>).
/// </summary>
/// <param name="Id">The job's id in the trace.</param>
/// <param name="Submit">Submit time from the trace's origin.</param>
/// <param name="Start">Simulated start, or NaN.</param>
/// <param name="End">Simulated end, or NaN.</param>
/// <param name="Wait">Start minus submit, or NaN.</param>
/// <param name="Run">End minus start, or NaN.</param>
/// <param name="Processors">The processors the job used.</param>
/// <param name="BoundedSlowdown">Bounded slowdown (tau = 10 s), or NaN.</param>
/// <param name="User">The trace's user number; -1 when unknown or when the file has no user column.</param>
/// <param name="Predicted">The run time first planned with; NaN without a prediction column, -1 when unbounded.</param>
public readonly record struct JobRow(
    long Id,
    double Submit,
    double Start,
    double End,
    double Wait,
    double Run,
    int Processors,
    double BoundedSlowdown,
    int User,
    double Predicted)
{
    public bool Started => !double.IsNaN(Start);
}
