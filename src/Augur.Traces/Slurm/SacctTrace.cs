namespace Augur.Traces.Slurm;

/// <summary>
/// sacct output as read: the finished jobs in file order; <see cref="Skipped"/>, the bad records lenient
/// reading left out; <see cref="Dropped"/>, the well-formed jobs that cannot be replayed (not finished,
/// cancelled before starting), counted by reason in both modes; and how many step lines were read.
/// </summary>
public sealed record SacctTrace(string Path, IReadOnlyList<SacctJob> Jobs, SkippedRecords Skipped, SkippedRecords Dropped, int Steps);
