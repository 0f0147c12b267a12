using Augur.Core.Time;

namespace Augur.Traces.Gpu;

/// <summary>
/// One job of the Philly trace as the Pollux artifact prepared it: when it was submitted, how long it ran,
/// how many GPUs it held, and its virtual cluster (a hash).
/// </summary>
/// <param name="Line">1-based line in the file.</param>
/// <param name="SubmitUnixSeconds">The timestamp column, read as UTC.</param>
/// <param name="Duration">The run time at the trace's own placement.</param>
/// <param name="Gpus">GPUs held for the whole run, all at once (a gang).</param>
/// <param name="GpuTime">Duration times GPUs, as the file states it (checked).</param>
/// <param name="Cluster">The virtual cluster the job was submitted to.</param>
public readonly record struct PhillyRecord(long Line, long SubmitUnixSeconds, Duration Duration, int Gpus, Duration GpuTime, string Cluster);
