using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Core.Scheduling;

/// <summary>
/// Running jobs kept sorted by the end the scheduler plans with (requested or predicted end): the
/// processor-availability profile backfilling reasons about. Free processors over time form a staircase
/// that only rises at these release times, so finding the earliest start of a job is one walk over the
/// running jobs (no per-second slices) and a whole backfill pass costs O(running + waiting).
/// </summary>
/// <remarks>
/// Processors of a job whose planned end is at or before "now" count as free at "now", even before the
/// job's termination has been handled: the profile is a list of half-open intervals [start, end). This is
/// pyss's rule (see docs/simulation.md) and it is what lets a job that arrives at the instant another
/// reaches its requested end start at once.
/// The jobs are held in a list of small sorted blocks, so that a start or an end costs a binary search and
/// a short copy even with thousands of running jobs, and in-order walks stay sequential in memory.
/// </remarks>
public sealed partial class AvailabilityProfile
{
    private int committedProcessors;

    public AvailabilityProfile(int totalProcessors)
    {
        if (totalProcessors <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(totalProcessors), totalProcessors, "A machine needs at least one processor.");
        }

        TotalProcessors = totalProcessors;
    }

    public int TotalProcessors { get; }

    /// <summary>Running jobs.</summary>
    public int Count { get; private set; }

    /// <summary>Processors held by running jobs, whatever their planned end.</summary>
    public int CommittedProcessors => committedProcessors;

    /// <summary>Processors free at <paramref name="now"/>: jobs planned to end at or before it count as free.</summary>
    public int FreeAt(Instant now)
    {
        var free = TotalProcessors - committedProcessors;
        var limit = now.Microseconds;
        for (var block = 0; block < blockCount; block++)
        {
            var ends = blockEnds[block];
            var entries = blockEntries[block];
            var size = blockSizes[block];
            for (var i = 0; i < size; i++)
            {
                if (ends[i] > limit)
                {
                    return free;
                }

                free += entries[i].Request.Processors;
            }
        }

        return free;
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="now"/> when <paramref name="processors"/> are free
    /// until the end of the profile (the head job's reservation, or "shadow time"), and how many processors
    /// remain free at that instant once they are taken ("extra" processors).
    /// </summary>
    public Reservation EarliestReservation(int processors, Instant now)
    {
        var free = TotalProcessors - committedProcessors;
        var limit = now.Microseconds;
        var pendingTime = limit;
        for (var block = 0; block < blockCount; block++)
        {
            var ends = blockEnds[block];
            var entries = blockEntries[block];
            var size = blockSizes[block];
            for (var i = 0; i < size; i++)
            {
                var end = Math.Max(ends[i], limit);
                if (end != pendingTime && free >= processors)
                {
                    // Every release at pendingTime has been counted: the job fits from then on.
                    return new Reservation(new Instant(pendingTime), free - processors);
                }

                if (end >= Instant.MaxValue.Microseconds)
                {
                    // The remaining jobs have no known end: the job cannot be promised a start.
                    return new Reservation(Instant.MaxValue, 0);
                }

                pendingTime = end;
                free += entries[i].Request.Processors;
            }
        }

        return free >= processors
            ? new Reservation(new Instant(pendingTime), free - processors)
            : new Reservation(Instant.MaxValue, 0);
    }

    /// <summary>Adds a started job (driver use).</summary>
    internal void Add(RunningJob job)
    {
        Insert(job);
        Count++;
        committedProcessors += job.Request.Processors;
    }

    /// <summary>Removes an ended job (driver use); returns the entry it held.</summary>
    internal RunningJob Remove(JobRequest job, Instant plannedEnd)
    {
        ArgumentNullException.ThrowIfNull(job);
        var removed = Delete(job, plannedEnd.Microseconds);
        Count--;
        committedProcessors -= removed.Request.Processors;
        return removed;
    }

    /// <summary>Moves a running job to a new planned end (a corrected prediction).</summary>
    internal void ChangeEstimatedEnd(JobRequest job, Instant oldEnd, Instant newEnd)
    {
        var removed = Remove(job, oldEnd);
        Add(removed with { EstimatedEnd = newEnd });
    }

    /// <summary>Enumerates running jobs in order of planned end (ties in start order).</summary>
    public Enumerator GetEnumerator() => new(this);
}
