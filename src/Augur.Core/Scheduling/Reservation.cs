using Augur.Core.Time;

namespace Augur.Core.Scheduling;

/// <summary>
/// Where a job fits in the availability profile: its earliest start and the processors still free at that
/// start once it has them (EASY's "extra" processors, usable by backfilled jobs that outlast the start).
/// </summary>
public readonly record struct Reservation(Instant Start, int ExtraProcessors);
