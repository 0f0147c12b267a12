namespace Augur.Traces.Slurm;

/// <summary>
/// One finished Slurm job (or heterogeneous component, or array task) read from sacct, in the file's units:
/// Unix seconds, seconds, CPUs, kilobytes. -1 means unknown (the column is absent or says so).
/// </summary>
/// <param name="SlurmJobId">The JobID as sacct printed it (<c>123</c>, <c>123_4</c>, <c>123+0</c>).</param>
/// <param name="SubmitUnixSeconds">Submit, converted from the site's local time to UTC.</param>
/// <param name="StartUnixSeconds">Start, likewise.</param>
/// <param name="RunSeconds">Elapsed.</param>
/// <param name="AllocatedCpus">AllocCPUS.</param>
/// <param name="RequestedCpus">ReqCPUS, or -1.</param>
/// <param name="TimeLimitSeconds">Timelimit, or -1 for UNLIMITED, Partition_Limit.</param>
/// <param name="RequestedMemoryKilobytesPerCpu">ReqMem per allocated CPU, or -1.</param>
/// <param name="MaxRssKilobytes">The largest MaxRSS of the job line and its steps, or -1.</param>
/// <param name="State">The state's first word (<c>CANCELLED</c> for <c>CANCELLED by 1000</c>).</param>
/// <param name="SwfStatus">1 completed, 0 failed, 5 cancelled.</param>
/// <param name="User">User, or null when absent or empty; likewise Group, Account, Partition.</param>
public readonly record struct SacctJob(
    string SlurmJobId,
    long SubmitUnixSeconds,
    long StartUnixSeconds,
    long RunSeconds,
    long AllocatedCpus,
    long RequestedCpus,
    long TimeLimitSeconds,
    double RequestedMemoryKilobytesPerCpu,
    double MaxRssKilobytes,
    string State,
    int SwfStatus,
    string? User,
    string? Group,
    string? Account,
    string? Partition)
{
    /// <summary>The line of the job's record (1-based), for messages.</summary>
    public long Line { get; init; }
}
