using Augur.Traces.Swf;

namespace Augur.Traces.Filters;

/// <summary>
/// <c>filter/sc15</c>: the filter of Gaussier, Glesser, Reis and Trystram, "Improving backfilling by using
/// machine learning to predict running times", SC'15 — keep jobs with 0 &lt; processors &lt;= MaxProcs,
/// run time &gt; 0, requested time &gt; 0 and requested time &gt;= run time, submitted at a known time. The
/// rule as written says submit time &gt; 0, but the traces pyss simulated for the paper kept the job
/// submitted at time 0 (the first job of KTH-SP2 and of CTC-SP2), so this filter keeps submit time 0 too:
/// otherwise it could not reproduce those runs (docs/formats/swf.md).
/// </summary>
public sealed class Sc15JobFilter : IJobFilter
{
    public string Id => "filter/sc15";

    public string? Reject(in SwfRecord record, long processors, int machineProcessors)
    {
        if (processors <= 0)
        {
            return "sc15: processors <= 0";
        }

        if (processors > machineProcessors)
        {
            return "sc15: processors > MaxProcs";
        }

        if (record.RunTime <= 0)
        {
            return "sc15: run time <= 0";
        }

        if (record.RequestedTime <= 0)
        {
            return "sc15: requested time <= 0";
        }

        if (record.RequestedTime < record.RunTime)
        {
            return "sc15: requested time < run time";
        }

        if (record.SubmitTime < 0)
        {
            return "sc15: submit time < 0";
        }

        return null;
    }
}
