namespace Augur.Service.Driver;

/// <summary>The waiting jobs at one instant (at most the number asked for), and how many wait in all.</summary>
public sealed record QueueSnapshot(long NowMicroseconds, int Waiting, IReadOnlyList<QueueEntry> Entries);
