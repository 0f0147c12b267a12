using Augur.Core.Time;

namespace Augur.Core.Scheduling;

/// <summary>
/// Free processors over future time as a step function, for policies that hold reservations for many jobs
/// (conservative backfilling). Breakpoints are kept sorted in arrays; the last step lasts forever.
/// Finding the earliest fit of a job is one walk over the steps from now.
/// </summary>
public sealed class ReservationProfile
{
    private long[] times;
    private int[] free;
    private int first;
    private int count;

    public ReservationProfile(int totalProcessors, int capacity = 64)
    {
        if (totalProcessors <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(totalProcessors), totalProcessors, "A machine needs at least one processor.");
        }

        TotalProcessors = totalProcessors;
        times = new long[Math.Max(4, capacity)];
        free = new int[times.Length];
        times[0] = 0;
        free[0] = totalProcessors;
        count = 1;
    }

    public int TotalProcessors { get; }

    /// <summary>Steps currently held (for tests and benchmarks).</summary>
    public int StepCount => count - first;

    /// <summary>Forgets the past: the first step starts at <paramref name="now"/>.</summary>
    public void AdvanceTo(Instant now)
    {
        var t = now.Microseconds;
        while (first + 1 < count && times[first + 1] <= t)
        {
            first++;
        }

        if (times[first] < t)
        {
            times[first] = t;
        }

        if (first > count / 2 && first > 32)
        {
            Array.Copy(times, first, times, 0, count - first);
            Array.Copy(free, first, free, 0, count - first);
            count -= first;
            first = 0;
        }
    }

    /// <summary>Free processors at <paramref name="instant"/> (at or after the profile's start).</summary>
    public int FreeAt(Instant instant)
    {
        var i = StepContaining(instant.Microseconds);
        return free[i];
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="from"/> at which <paramref name="processors"/> stay
    /// free for <paramref name="duration"/>; <see cref="Instant.MaxValue"/> if never.
    /// </summary>
    public Instant EarliestFit(int processors, Duration duration, Instant from)
    {
        var candidate = Math.Max(from.Microseconds, times[first]);
        var length = duration.Microseconds;
        for (var i = StepContaining(candidate); i < count; i++)
        {
            var stepEnd = i + 1 < count ? times[i + 1] : long.MaxValue;
            if (free[i] < processors)
            {
                if (i + 1 == count)
                {
                    return Instant.MaxValue;
                }

                candidate = stepEnd;
            }
            else if (stepEnd == long.MaxValue || stepEnd - candidate >= length)
            {
                return new Instant(candidate);
            }
        }

        return Instant.MaxValue;
    }

    /// <summary>Takes <paramref name="processors"/> over [start, end).</summary>
    public void Allocate(Instant start, Instant end, int processors) => Change(start, end, -processors);

    /// <summary>Gives back <paramref name="processors"/> over [start, end).</summary>
    public void Release(Instant start, Instant end, int processors) => Change(start, end, processors);

    private void Change(Instant start, Instant end, int delta)
    {
        if (end <= start)
        {
            return;
        }

        var from = EnsureBreakpoint(start.Microseconds);
        var to = end == Instant.MaxValue ? count : EnsureBreakpoint(end.Microseconds);
        for (var i = from; i < to; i++)
        {
            var updated = free[i] + delta;
            if (updated < 0 || updated > TotalProcessors)
            {
                throw new InvalidOperationException($"reservation profile out of range at {new Instant(times[i])}: {updated} free of {TotalProcessors}");
            }

            free[i] = updated;
        }
    }

    private int StepContaining(long time)
    {
        int low = first, high = count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >>> 1;
            if (times[middle] <= time)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>Splits the step containing <paramref name="time"/> so that a step starts there; returns its position.</summary>
    private int EnsureBreakpoint(long time)
    {
        if (time < times[first])
        {
            throw new InvalidOperationException($"cannot change the past: {new Instant(time)} is before the profile's start {new Instant(times[first])}");
        }

        var i = StepContaining(time);
        if (times[i] == time)
        {
            return i;
        }

        if (count == times.Length)
        {
            Array.Resize(ref times, times.Length * 2);
            Array.Resize(ref free, free.Length * 2);
        }

        var position = i + 1;
        Array.Copy(times, position, times, position + 1, count - position);
        Array.Copy(free, position, free, position + 1, count - position);
        times[position] = time;
        free[position] = free[i];
        count++;
        return position;
    }
}
