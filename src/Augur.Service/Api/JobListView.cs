namespace Augur.Service.Api;

/// <summary>A page of jobs; pass <see cref="NextAfter"/> as <c>after</c> for the next page (null: the last page).</summary>
public sealed record JobListView(IReadOnlyList<JobView> Jobs, long? NextAfter);
