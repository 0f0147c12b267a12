using Augur.Reports.Comparisons;

namespace Augur.Cli.Sweeps;

/// <summary>How a sweep went: runs in all, runs found finished from before, the failures with their reasons, and the summaries of the rest.</summary>
public sealed record SweepOutcome(int Runs, int Resumed, IReadOnlyList<(SweepRun Run, string Reason)> Failed, IReadOnlyList<RunSummary> Summaries);
