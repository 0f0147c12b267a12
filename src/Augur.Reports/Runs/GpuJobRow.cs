namespace Augur.Reports.Runs;

/// <summary>
/// One row of a GPU run's jobs.csv (docs/outputs.md, GPU runs), in seconds. A job that never started has NaN
/// for <see cref="Start"/>, <see cref="End"/>, <see cref="Wait"/>, <see cref="Jct"/> and <see cref="Run"/>; one
/// preempted and never resumed has a start and a wait, and NaN for the end, <see cref="Jct"/> and <see cref="Run"/>.
/// </summary>
/// <param name="Id">The job's id in the trace.</param>
/// <param name="Submit">Submit time from the trace's origin.</param>
/// <param name="Start">The first start, or NaN.</param>
/// <param name="End">The end, or NaN.</param>
/// <param name="Wait">The queueing delay, first start minus submit, or NaN.</param>
/// <param name="Jct">The job completion time, end minus submit, or NaN.</param>
/// <param name="Run">End minus the first start (a preempted job's gaps included), or NaN.</param>
/// <param name="TraceRun">The trace's run time.</param>
/// <param name="Gpus">The GPUs the job asked for.</param>
/// <param name="GpuMilli">The share of each GPU in thousandths: 1000 for whole GPUs.</param>
/// <param name="Group">The job's user: the virtual cluster (Philly) or QoS class (openb); may be empty.</param>
/// <param name="EnergyJoules">The joules the job was charged.</param>
public readonly record struct GpuJobRow(
    string Id,
    double Submit,
    double Start,
    double End,
    double Wait,
    double Jct,
    double Run,
    double TraceRun,
    int Gpus,
    int GpuMilli,
    string Group,
    double EnergyJoules)
{
    public bool Started => !double.IsNaN(Start);

    public bool Finished => !double.IsNaN(End);
}
