namespace Augur.Traces.Swf;

/// <summary>
/// One job line of the Standard Workload Format, all 18 fields as written (-1 = unknown). Times are whole
/// seconds, memory kilobytes per processor (some extended logs use bytes; see docs/formats/swf.md).
/// Fields past the 18th (Alea's extended SWF) are kept verbatim in <see cref="ExtraFields"/>.
/// </summary>
public readonly record struct SwfRecord(
    long JobNumber,
    long SubmitTime,
    long WaitTime,
    long RunTime,
    long AllocatedProcessors,
    double AverageCpuTime,
    double UsedMemory,
    long RequestedProcessors,
    long RequestedTime,
    double RequestedMemory,
    long Status,
    long UserId,
    long GroupId,
    long ExecutableNumber,
    long QueueNumber,
    long PartitionNumber,
    long PrecedingJobNumber,
    long ThinkTime,
    string? ExtraFields = null)
{
    /// <summary>The line this record came from (1-based), for messages.</summary>
    public long Line { get; init; }
}
