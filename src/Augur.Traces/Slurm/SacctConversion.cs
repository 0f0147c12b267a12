using Augur.Traces.Swf;

namespace Augur.Traces.Slurm;

/// <summary>
/// sacct jobs as SWF: the header and records to write, and for each SWF job number (index + 1) the job it
/// came from, so that results can be traced back to Slurm ids and names (<see cref="SacctJobMap"/>).
/// </summary>
public sealed record SacctConversion(SwfHeader Header, IReadOnlyList<SwfRecord> Records, IReadOnlyList<SacctJob> Sources);
