using Augur.Traces.Swf;

namespace Augur.Cli.Running;

/// <summary>A trace read, filtered and turned into a workload for a machine of <see cref="Processors"/> processors.</summary>
public sealed record LoadedTrace(string Name, SwfTrace Swf, SwfWorkload Workload, int Processors, string FilterId, TraceSelection Selection)
{
    /// <summary>True when the trace was read as a GAIA job list: decided once, when it was read, not again from the file.</summary>
    public bool IsGaia { get; init; }
}
