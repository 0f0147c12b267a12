namespace Augur.Traces.Swf;

/// <summary>An SWF file as read: its header, its job records in file order, and what lenient reading skipped.</summary>
public sealed record SwfTrace(string Path, SwfHeader Header, IReadOnlyList<SwfRecord> Records, SkippedRecords Skipped);
