using Augur.Traces.Swf;

namespace Augur.Cli.Running;

/// <summary>A trace read, filtered and turned into a workload for a machine of <see cref="Processors"/> processors.</summary>
public sealed record LoadedTrace(string Name, SwfTrace Swf, SwfWorkload Workload, int Processors, string FilterId, TraceSelection Selection);
