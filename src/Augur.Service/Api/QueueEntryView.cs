namespace Augur.Service.Api;

/// <summary>One waiting job: its place in the queue, the run time planned for it and its predicted start (null: unknown).</summary>
public sealed record QueueEntryView(int Position, long Id, string User, string Name, int Procs, double? PlannedRunSeconds, DateTimeOffset? PredictedStart);
