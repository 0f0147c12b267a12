using Augur.Traces.Swf;

namespace Augur.Traces.Filters;

/// <summary>
/// <c>filter/default</c>: keeps every job that can run on the machine. Zero-length jobs and jobs without a
/// requested time are kept; jobs without processors, submit time or run time, and jobs wider than the
/// machine, are dropped and counted.
/// </summary>
public sealed class RunnableJobFilter : IJobFilter
{
    public string Id => "filter/default";

    public string? Reject(in SwfRecord record, long processors, int machineProcessors)
    {
        if (processors <= 0)
        {
            return "no processor count (fields 5 and 8 unknown or zero)";
        }

        if (processors > machineProcessors)
        {
            return "wider than the machine";
        }

        if (record.SubmitTime < 0)
        {
            return "no submit time";
        }

        if (record.RunTime < 0)
        {
            return "no run time";
        }

        return null;
    }
}
