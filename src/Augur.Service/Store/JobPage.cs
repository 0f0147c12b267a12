namespace Augur.Service.Store;

/// <summary>One page of a job listing; <see cref="NextAfter"/> is the cursor of the next page, or null at the end.</summary>
public sealed record JobPage(IReadOnlyList<JobRecord> Jobs, long? NextAfter);
