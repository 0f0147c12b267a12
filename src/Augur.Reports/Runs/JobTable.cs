namespace Augur.Reports.Runs;

/// <summary>A run's jobs.csv, read and checked: the rows in file order and which optional columns it had.</summary>
/// <param name="Path">The file it was read from, for messages.</param>
/// <param name="Jobs">One row per job, in the file's (submission) order.</param>
/// <param name="HasUsers">True when the file has a <c>user</c> column.</param>
/// <param name="HasPredictions">True when the file has a <c>predicted</c> column (the run planned with a predictor).</param>
public sealed record JobTable(string Path, IReadOnlyList<JobRow> Jobs, bool HasUsers, bool HasPredictions);
