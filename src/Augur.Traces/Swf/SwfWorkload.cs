using Augur.Core.Jobs;
using Augur.Core.Time;
using Augur.Traces.Filters;

namespace Augur.Traces.Swf;

/// <summary>
/// Turns SWF records into a <see cref="Workload"/>: requests for the scheduler, outcomes for the driver.
/// Jobs are put in submission order (stable: file order breaks ties). A job takes its allocated processors
/// (field 5), as pyss does, or its requested processors (field 8) when field 5 is unknown; its requested
/// time is field 9 (absent when unknown or zero).
/// </summary>
public sealed class SwfWorkload
{
    private SwfWorkload(Workload workload, int[] recordOfJob, SkippedRecords dropped)
    {
        Workload = workload;
        RecordOfJob = recordOfJob;
        Dropped = dropped;
    }

    public Workload Workload { get; }

    /// <summary>For each job index, its position in the trace's records (to write the schedule back).</summary>
    public IReadOnlyList<int> RecordOfJob { get; }

    /// <summary>Records the filter left out, by reason.</summary>
    public SkippedRecords Dropped { get; }

    public static long ProcessorsOf(in SwfRecord record) =>
        record.AllocatedProcessors > 0 ? record.AllocatedProcessors : record.RequestedProcessors;

    public static SwfWorkload Build(SwfTrace trace, IJobFilter filter, int machineProcessors, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(filter);
        var dropped = new SkippedRecords();
        var kept = new List<int>(trace.Records.Count);
        for (var i = 0; i < trace.Records.Count; i++)
        {
            var record = trace.Records[i];
            var reason = filter.Reject(record, ProcessorsOf(record), machineProcessors);
            if (reason is null)
            {
                kept.Add(i);
            }
            else
            {
                dropped.Add(reason, $"{trace.Path}:{record.Line}");
            }
        }

        // Stable: equal submit times keep file order, which is the order submissions are handled in.
        var order = kept.ToArray();
        var submits = new long[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            submits[i] = trace.Records[order[i]].SubmitTime;
        }

        if (!IsSorted(submits))
        {
            var keys = new (long Submit, int Position)[order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                keys[i] = (submits[i], i);
            }

            Array.Sort(keys, order);
        }

        var jobs = new WorkloadJob[order.Length];
        for (var index = 0; index < order.Length; index++)
        {
            jobs[index] = ToJob(trace.Records[order[index]], index);
        }

        var workload = new Workload(name ?? System.IO.Path.GetFileName(trace.Path), jobs, machineProcessors);
        return new SwfWorkload(workload, order, dropped);
    }

    private static WorkloadJob ToJob(in SwfRecord record, int index)
    {
        var features = new JobFeatures(
            (int)Math.Min(record.UserId, int.MaxValue),
            (int)Math.Min(record.GroupId, int.MaxValue),
            (int)Math.Min(record.ExecutableNumber, int.MaxValue),
            (int)Math.Min(record.QueueNumber, int.MaxValue),
            (int)Math.Min(record.PartitionNumber, int.MaxValue));
        Duration? requested = record.RequestedTime > 0 ? Duration.FromSeconds(record.RequestedTime) : null;
        var request = new JobRequest(
            index,
            record.JobNumber,
            Instant.FromSeconds(record.SubmitTime),
            (int)ProcessorsOf(record),
            requested,
            record.RequestedMemory >= 0 ? (long)record.RequestedMemory : JobRequest.Unknown,
            features);
        var outcome = new JobOutcome(
            Duration.FromSeconds(record.RunTime),
            record.UsedMemory >= 0 ? (long)record.UsedMemory : JobRequest.Unknown,
            record.Status switch
            {
                0 => JobExitKind.Failed,
                1 => JobExitKind.Completed,
                5 => JobExitKind.Cancelled,
                _ => JobExitKind.Unknown,
            });
        return new WorkloadJob(request, outcome);
    }

    private static bool IsSorted(long[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
