namespace Augur.Service.Driver;

/// <summary>One waiting job in scheduling order, with the start the scheduler would give it if nothing changed.</summary>
public sealed record QueueEntry(int Position, long Id, string User, string Name, int Processors, double PlannedRunSeconds, long? PredictedStartMicroseconds);
