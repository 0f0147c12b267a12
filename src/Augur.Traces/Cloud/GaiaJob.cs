namespace Augur.Traces.Cloud;

/// <summary>One GAIA job as read: its arrival and length in whole microseconds, its CPUs, and its line (for messages).</summary>
public readonly record struct GaiaJob(long ArrivalMicroseconds, long LengthMicroseconds, int Cpus, long Line);
