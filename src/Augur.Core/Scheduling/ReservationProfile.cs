using System.Numerics;
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

    /// <summary>
    /// Counts the changes to the profile (allocations, releases, advances): an answer computed from the profile
    /// stays valid while this number stays the same, which lets callers cache searches.
    /// </summary>
    public long Version { get; private set; }

    /// <summary>Steps currently held (for tests and benchmarks).</summary>
    public int StepCount => count - first;

    /// <summary>Forgets the past: the first step starts at <paramref name="now"/>.</summary>
    public void AdvanceTo(Instant now)
    {
        var t = now.Microseconds;
        Version++;
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
    public Instant EarliestFit(int processors, Duration duration, Instant from) => EarliestFit(processors, duration, from, Instant.MaxValue);

    /// <summary>
    /// As <see cref="EarliestFit(int, Duration, Instant)"/>, but gives up (returning <see cref="Instant.MaxValue"/>)
    /// as soon as the fit would start at or after <paramref name="before"/>: a search that only cares about
    /// earlier starts stops walking there.
    /// </summary>
    public Instant EarliestFit(int processors, Duration duration, Instant from, Instant before) =>
        Fit(processors, duration.Microseconds, Math.Max(from.Microseconds, times[first]), before.Microseconds, long.MaxValue);

    /// <summary>
    /// Where a job that holds [<paramref name="ownStart"/>, <paramref name="ownStart"/> + <paramref name="duration"/>)
    /// could start earlier: the earliest instant before <paramref name="before"/> (at most ownStart) from which
    /// <paramref name="processors"/> stay free until the job's own slot takes over, or
    /// <see cref="Instant.MaxValue"/>. A window that starts earlier ends before the own slot does, so only the
    /// part before the own slot needs checking, and the profile is not changed to find out.
    /// </summary>
    public Instant EarlierFit(int processors, Duration duration, Instant from, Instant before, Instant ownStart) =>
        Fit(processors, duration.Microseconds, Math.Max(from.Microseconds, times[first]), Math.Min(before.Microseconds, ownStart.Microseconds), ownStart.Microseconds);

    /// <summary>
    /// The earliest start in [candidate, limit) from which <paramref name="processors"/> stay free for
    /// <paramref name="length"/> or until <paramref name="own"/>, whichever comes first. Steps without room
    /// are skipped in a tight loop, then the window is checked step by step.
    /// </summary>
    private Instant Fit(int processors, long length, long candidate, long limit, long own)
    {
        var i = StepContaining(candidate);
        while (candidate < limit)
        {
            if (free[i] < processors)
            {
                var skip = free.AsSpan(i, count - i).IndexOfAnyInRange(processors, int.MaxValue);
                if (skip < 0)
                {
                    return Instant.MaxValue;
                }

                i += skip;
                candidate = times[i];
                continue;
            }

            // Room from the candidate on: it must last until `need`, so every step that starts before then
            // needs room; the first that lacks it, if any, is where the next candidate is sought.
            var need = Math.Min(length >= long.MaxValue - candidate ? long.MaxValue : candidate + length, own);
            var stepsBefore = FirstStepAtOrAfter(need, i + 1) - (i + 1);
            var lacking = free.AsSpan(i + 1, stepsBefore).IndexOfAnyInRange(int.MinValue, processors - 1);
            if (lacking < 0)
            {
                return new Instant(candidate);
            }

            i += 1 + lacking;
        }

        return Instant.MaxValue;
    }

    /// <summary>The first step at or after <paramref name="low"/> that starts at or after <paramref name="time"/>; count if none.</summary>
    private int FirstStepAtOrAfter(long time, int low)
    {
        var high = count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (times[middle] < time)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Adds <paramref name="delta"/> to every value; returns the largest result (0 for none).</summary>
    private static int AddAndFindMost(Span<int> values, int delta)
    {
        var most = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<int>.Count)
        {
            var add = new Vector<int>(delta);
            var largest = Vector<int>.Zero;
            for (; i <= values.Length - Vector<int>.Count; i += Vector<int>.Count)
            {
                var sum = new Vector<int>(values[i..]) + add;
                sum.CopyTo(values[i..]);
                largest = Vector.Max(largest, sum);
            }

            for (var k = 0; k < Vector<int>.Count; k++)
            {
                most = Math.Max(most, largest[k]);
            }
        }

        for (; i < values.Length; i++)
        {
            values[i] += delta;
            most = Math.Max(most, values[i]);
        }

        return most;
    }

    /// <summary>The most processors free at any instant of [start, end).</summary>
    public int MaxFree(Instant start, Instant end)
    {
        var from = Math.Max(start.Microseconds, times[first]);
        var most = 0;
        for (var i = StepContaining(from); i < count && times[i] < end.Microseconds; i++)
        {
            most = Math.Max(most, free[i]);
        }

        return most;
    }

    /// <summary>Takes <paramref name="processors"/> over [start, end).</summary>
    public void Allocate(Instant start, Instant end, int processors) => Change(start, end, -processors);

    /// <summary>Gives back <paramref name="processors"/> over [start, end).</summary>
    public void Release(Instant start, Instant end, int processors) => Change(start, end, processors);

    /// <summary>
    /// As <see cref="Release"/>, and returns the most processors then free at an instant of [start, end)
    /// (0 for an empty interval), measured while the change is applied rather than by another walk.
    /// </summary>
    public int ReleaseAndMaxFree(Instant start, Instant end, int processors) => Change(start, end, processors);

    /// <summary>Adds <paramref name="delta"/> over [start, end); returns the most processors then free there.</summary>
    private int Change(Instant start, Instant end, int delta)
    {
        if (end <= start)
        {
            return 0;
        }

        Version++;
        var from = EnsureBreakpoint(start.Microseconds);
        var to = end == Instant.MaxValue ? count : EnsureBreakpoint(end.Microseconds);
        // Check the whole range before changing any of it, so a refused change leaves the values as they were;
        // both the check and the change are vector operations over the range.
        var range = free.AsSpan(from, to - from);
        var outside = range.IndexOfAnyExceptInRange(-delta, TotalProcessors - delta);
        if (outside >= 0)
        {
            throw new InvalidOperationException($"reservation profile out of range at {new Instant(times[from + outside])}: {range[outside] + delta} free of {TotalProcessors}");
        }

        var most = AddAndFindMost(range, delta);

        // Steps that became equal to their neighbour are merged, so the profile holds about two steps per
        // reservation however often reservations move.
        if (to < count && free[to] == free[to - 1])
        {
            RemoveBreakpoint(to);
        }

        if (from > first && free[from] == free[from - 1])
        {
            RemoveBreakpoint(from);
        }

        return most;
    }

    private void RemoveBreakpoint(int position)
    {
        Array.Copy(times, position + 1, times, position, count - position - 1);
        Array.Copy(free, position + 1, free, position, count - position - 1);
        count--;
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
