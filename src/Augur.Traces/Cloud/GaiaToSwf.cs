using System.Globalization;
using Augur.Traces.Gpu;
using Augur.Traces.Swf;

namespace Augur.Traces.Cloud;

/// <summary>
/// Turns GAIA jobs into SWF records, the batch workload the simulator replays: job N is the N-th line, submit =
/// arrival, run time = length, processors = cpus, both rounded to the nearest second (halves up) because SWF
/// times are whole seconds. There is no requested time (field 9 = -1, as SWF writes an unknown) and no user.
/// </summary>
public static class GaiaToSwf
{
    private const long MicrosecondsPerSecond = 1_000_000;

    public static SwfTrace Convert(GpuTrace<GaiaJob> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var records = new List<SwfRecord>(trace.Records.Count);
        var widest = 0;
        for (var i = 0; i < trace.Records.Count; i++)
        {
            var job = trace.Records[i];
            widest = Math.Max(widest, job.Cpus);
            records.Add(new SwfRecord(
                JobNumber: i + 1,
                SubmitTime: ToSeconds(job.ArrivalMicroseconds),
                WaitTime: -1,
                RunTime: ToSeconds(job.LengthMicroseconds),
                AllocatedProcessors: job.Cpus,
                AverageCpuTime: -1,
                UsedMemory: -1,
                RequestedProcessors: job.Cpus,
                RequestedTime: -1,
                RequestedMemory: -1,
                Status: 1,
                UserId: -1,
                GroupId: -1,
                ExecutableNumber: -1,
                QueueNumber: -1,
                PartitionNumber: -1,
                PrecedingJobNumber: -1,
                ThinkTime: -1)
            { Line = job.Line });
        }

        // The trace gives no machine size; the widest job is the smallest machine on which every job fits.
        var header = new SwfHeader();
        header.AddDirective("Computer", "GAIA CPU job list (trace/gaia)");
        header.AddDirective("MaxProcs", widest.ToString(CultureInfo.InvariantCulture));
        header.AddDirective("Note", "MaxProcs is the widest job's CPUs, not a machine size (give --procs N)");
        return new SwfTrace(trace.DisplayName, header, records, trace.Skipped);
    }

    /// <summary>Whole seconds, to the nearest, halves up (the times are never negative).</summary>
    public static long ToSeconds(long microseconds) => (microseconds + (MicrosecondsPerSecond / 2)) / MicrosecondsPerSecond;
}
