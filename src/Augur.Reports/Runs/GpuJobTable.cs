namespace Augur.Reports.Runs;

/// <summary>A GPU run's jobs.csv, read and checked: the rows in file (submission) order.</summary>
/// <param name="Path">The file it was read from, for messages.</param>
/// <param name="Jobs">One row per job.</param>
public sealed record GpuJobTable(string Path, IReadOnlyList<GpuJobRow> Jobs);
