using System.Globalization;
using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Time;

namespace Augur.Traces.Gpu;

/// <summary>
/// Turns Philly records into a GPU workload: jobs in submission order (file order breaks ties), submit times
/// relative to the earliest submission, each job a gang of whole GPUs of any model, its id its line number in
/// the file and its group its virtual cluster. The trace's duration becomes the job's true run time.
/// </summary>
public static class PhillyWorkload
{
    public static GpuWorkload From(GpuTrace<PhillyRecord> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var records = trace.Records.ToArray();
        Array.Sort(records, static (left, right) =>
            left.SubmitUnixSeconds != right.SubmitUnixSeconds ? left.SubmitUnixSeconds.CompareTo(right.SubmitUnixSeconds) : left.Line.CompareTo(right.Line));
        var origin = records[0].SubmitUnixSeconds;
        var jobs = new List<GpuWorkloadJob>(records.Length);
        foreach (var record in records)
        {
            var request = new GpuJobRequest(
                jobs.Count,
                record.Line.ToString(CultureInfo.InvariantCulture),
                Instant.FromSeconds(record.SubmitUnixSeconds - origin),
                GpuRequest.Whole(record.Gpus),
                record.Cluster);
            jobs.Add(new GpuWorkloadJob(request, record.Duration));
        }

        return new GpuWorkload(trace.DisplayName, jobs);
    }
}
