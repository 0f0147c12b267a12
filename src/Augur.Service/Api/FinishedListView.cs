namespace Augur.Service.Api;

/// <summary>GET /v1/finished: the latest jobs to end, newest first.</summary>
public sealed record FinishedListView(IReadOnlyList<FinishedJobView> Jobs);
