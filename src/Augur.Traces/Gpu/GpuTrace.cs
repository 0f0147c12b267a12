namespace Augur.Traces.Gpu;

/// <summary>The records of one GPU trace file in file order, and the records lenient reading skipped.</summary>
public sealed record GpuTrace<TRecord>(string DisplayName, IReadOnlyList<TRecord> Records, SkippedRecords Skipped);
