namespace Augur.Service.Api;

/// <summary>GET /v1/queue: waiting jobs in scheduling order with predicted starts.</summary>
public sealed record QueueView(DateTimeOffset Now, int Waiting, IReadOnlyList<QueueEntryView> Jobs);
