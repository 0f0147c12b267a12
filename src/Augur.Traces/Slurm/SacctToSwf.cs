using System.Globalization;
using Augur.Traces.Swf;

namespace Augur.Traces.Slurm;

/// <summary>
/// Turns finished sacct jobs into SWF records (docs/formats/sacct.md): numbered 1..N in submit order (ties in
/// file order), times relative to the first submit (the header's UnixStartTime), users, groups and
/// partitions numbered by first appearance in that order.
/// </summary>
public static class SacctToSwf
{
    /// <param name="trace">The jobs read.</param>
    /// <param name="processors">The machine size for the header's MaxProcs; null writes the peak CPUs in use at once.</param>
    public static SacctConversion Convert(SacctTrace trace, int? processors = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var jobs = trace.Jobs.Select((job, index) => (job, index))
            .OrderBy(pair => pair.job.SubmitUnixSeconds)
            .ThenBy(pair => pair.index)
            .Select(pair => pair.job)
            .ToList();
        var first = jobs[0].SubmitUnixSeconds;
        var users = new Numbering();
        var groups = new Numbering();
        var partitions = new Numbering();
        var records = new List<SwfRecord>(jobs.Count);
        for (var i = 0; i < jobs.Count; i++)
        {
            var job = jobs[i];
            records.Add(new SwfRecord(
                JobNumber: i + 1,
                SubmitTime: job.SubmitUnixSeconds - first,
                WaitTime: job.StartUnixSeconds - job.SubmitUnixSeconds,
                RunTime: job.RunSeconds,
                AllocatedProcessors: job.AllocatedCpus,
                AverageCpuTime: -1,
                UsedMemory: job.MaxRssKilobytes,
                RequestedProcessors: job.RequestedCpus,
                RequestedTime: job.TimeLimitSeconds,
                RequestedMemory: job.RequestedMemoryKilobytesPerCpu,
                Status: job.SwfStatus,
                UserId: users.Of(job.User),
                GroupId: groups.Of(job.Group),
                ExecutableNumber: -1,
                QueueNumber: -1,
                PartitionNumber: partitions.Of(job.Partition),
                PrecedingJobNumber: -1,
                ThinkTime: -1));
        }

        var header = new SwfHeader();
        header.AddDirective("Version", "2.2");
        header.AddDirective("Computer", "Slurm cluster (from sacct)");
        header.AddDirective("Note", $"converted from {Path.GetFileName(trace.Path)} by augur convert sacct; job N is the N-th by submit time, its Slurm id is in the map file (--map)");
        header.AddDirective("UnixStartTime", first.ToString(CultureInfo.InvariantCulture));
        header.AddDirective("TimeZoneString", "UTC");
        header.AddDirective("MaxJobs", jobs.Count.ToString(CultureInfo.InvariantCulture));
        header.AddDirective("MaxRecords", jobs.Count.ToString(CultureInfo.InvariantCulture));
        if (processors is { } given)
        {
            header.AddDirective("MaxProcs", given.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            header.AddDirective("MaxProcs", PeakProcessors(records).ToString(CultureInfo.InvariantCulture));
            header.AddDirective("Note", "MaxProcs is the peak of CPUs in use at once in this history, not the machine's size (convert with --procs N to give it)");
        }

        return new SacctConversion(header, records, jobs);
    }

    /// <summary>
    /// The most processors the recorded schedule held at once; a job ending frees its CPUs before one starting
    /// at that second takes them, and a job that ran for 0 s held none.
    /// </summary>
    public static long PeakProcessors(IReadOnlyList<SwfRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var changes = new List<(long Time, long Delta)>(records.Count * 2);
        foreach (var record in records)
        {
            if (record.RunTime <= 0)
            {
                continue;
            }

            var start = record.SubmitTime + record.WaitTime;
            changes.Add((start, record.AllocatedProcessors));
            changes.Add((start + record.RunTime, -record.AllocatedProcessors));
        }

        changes.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Delta.CompareTo(b.Delta));
        long inUse = 0;
        long peak = 0;
        foreach (var (_, delta) in changes)
        {
            inUse += delta;
            peak = Math.Max(peak, inUse);
        }

        return peak;
    }

    /// <summary>Numbers names 1, 2, ... by first appearance; an unknown name is -1.</summary>
    private sealed class Numbering
    {
        private readonly Dictionary<string, long> numbers = new(StringComparer.Ordinal);

        public long Of(string? name)
        {
            if (name is null)
            {
                return -1;
            }

            if (!numbers.TryGetValue(name, out var number))
            {
                number = numbers.Count + 1;
                numbers.Add(name, number);
            }

            return number;
        }
    }
}
