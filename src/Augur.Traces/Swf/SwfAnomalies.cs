namespace Augur.Traces.Swf;

/// <summary>
/// What <c>augur validate</c> reports of a trace: counts of records that are legal SWF but suspicious or
/// unusable for simulation. Each count comes with the first line where it occurs.
/// </summary>
public sealed class SwfAnomalies
{
    private readonly SkippedRecords found = new();

    private SwfAnomalies()
    {
    }

    public int Records { get; private set; }

    public long FirstSubmit { get; private set; }

    public long LastSubmit { get; private set; }

    /// <summary>Anomalies by name, with the first line of each.</summary>
    public SkippedRecords Found => found;

    public static SwfAnomalies Inspect(SwfTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var anomalies = new SwfAnomalies { Records = trace.Records.Count };
        var machine = trace.Header.MachineProcessors;
        var seen = new HashSet<long>();
        var latestSubmit = long.MinValue;
        anomalies.FirstSubmit = long.MaxValue;
        anomalies.LastSubmit = long.MinValue;
        foreach (var record in trace.Records)
        {
            var where = $"{trace.Path}:{record.Line}";
            var processors = SwfWorkload.ProcessorsOf(record);
            if (processors <= 0)
            {
                anomalies.found.Add("zero or unknown processors", where);
            }
            else if (machine is { } size && processors > size)
            {
                anomalies.found.Add("wider than MaxProcs", where);
            }

            if (record.RunTime < 0)
            {
                anomalies.found.Add("unknown run time", where);
            }
            else if (record.RunTime == 0)
            {
                anomalies.found.Add("zero run time", where);
            }

            if (record.RequestedTime <= 0)
            {
                anomalies.found.Add("unknown requested time", where);
            }
            else if (record.RunTime > record.RequestedTime)
            {
                anomalies.found.Add("run time > requested time", where);
            }

            if (record.SubmitTime < 0)
            {
                anomalies.found.Add("unknown submit time", where);
            }
            else
            {
                if (record.SubmitTime < latestSubmit)
                {
                    anomalies.found.Add("submitted out of order", where);
                }

                latestSubmit = Math.Max(latestSubmit, record.SubmitTime);
                anomalies.FirstSubmit = Math.Min(anomalies.FirstSubmit, record.SubmitTime);
                anomalies.LastSubmit = Math.Max(anomalies.LastSubmit, record.SubmitTime);
            }

            if (!seen.Add(record.JobNumber))
            {
                anomalies.found.Add("duplicate job id", where);
            }
        }

        if (machine is null)
        {
            anomalies.found.Add("no MaxProcs or MaxNodes in the header", trace.Path);
        }

        return anomalies;
    }
}
