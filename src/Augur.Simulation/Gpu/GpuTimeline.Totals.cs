using Augur.Core.Time;

namespace Augur.Simulation.Gpu;

/// <summary>Time-weighted totals and the compact series of a timeline: each sample holds until the next one.</summary>
public sealed partial class GpuTimeline
{
    /// <summary>From the first sample to the last: the span the time-weighted means are taken over.</summary>
    public Duration Window => Count == 0 ? Duration.Zero : new Duration(times[Count - 1] - times[0]);

    /// <summary>Time-weighted mean of the GPUs held (shares in proportion) over <see cref="Window"/>.</summary>
    public double MeanAllocatedGpus => Mean(i => allocatedMilli[i] / 1000.0);

    /// <summary>Time-weighted mean of the GPUs fragmented for the waiting jobs over <see cref="Window"/>.</summary>
    public double MeanFragmentedGpus => Mean(i => fragmentedMilli[i] / 1000.0);

    /// <summary>Time-weighted mean of the GPUs free (not held) over <see cref="Window"/>.</summary>
    public double MeanFreeGpus => state.GpuCount - MeanAllocatedGpus;

    /// <summary>The energy the GPUs drew over <see cref="Window"/>, in joules.</summary>
    public double EnergyJoules => Integral(i => watts[i]);

    /// <summary>The idle energy of capacity no job held over <see cref="Window"/>, in joules: the part of <see cref="EnergyJoules"/> no job is charged.</summary>
    public double UnheldIdleEnergyJoules => Integral(i => unheldIdleWatts[i]);

    /// <summary>
    /// The run cut into at most <paramref name="intervals"/> equal intervals of whole microseconds (fewer when
    /// the window is shorter than that many microseconds), each with the time-weighted means of its samples.
    /// </summary>
    public IReadOnlyList<GpuTimelineInterval> Series(int intervals)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervals, 1);
        var rows = new List<GpuTimelineInterval>();
        if (Count == 0 || Window.Microseconds == 0)
        {
            return rows;
        }

        var origin = times[0];
        var span = Window.Microseconds;
        var count = (int)Math.Min(intervals, span);
        var sample = 0;
        for (var k = 0; k < count; k++)
        {
            var start = origin + (span * k / count);
            var end = origin + (span * (k + 1) / count);
            double allocated = 0, fragmented = 0, energy = 0, waitingArea = 0;
            while (sample + 1 < Count && times[sample + 1] <= start)
            {
                sample++;
            }

            for (var i = sample; i < Count - 1 && times[i] < end; i++)
            {
                var length = Math.Min(end, times[i + 1]) - Math.Max(start, times[i]);
                if (length <= 0)
                {
                    continue;
                }

                allocated += allocatedMilli[i] / 1000.0 * length;
                fragmented += fragmentedMilli[i] / 1000.0 * length;
                energy += watts[i] * length;
                waitingArea += (double)waitingJobs[i] * length;
            }

            var width = (double)(end - start);
            var preempted = PreemptionsBefore(k == count - 1 ? end + 1 : end) - PreemptionsBefore(start);
            rows.Add(new GpuTimelineInterval(new Instant(start), new Instant(end), allocated / width, fragmented / width, energy / width, waitingArea / width, preempted));
        }

        return rows;
    }

    /// <summary>Preemptions at instants before <paramref name="time"/>: the count at the last sample before it (0 if none).</summary>
    private long PreemptionsBefore(long time)
    {
        var low = 0;
        var high = Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (times[middle] < time)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low == 0 ? 0 : preemptionsSoFar[low - 1];
    }

    private double Mean(Func<int, double> value) => Window.Microseconds == 0 ? 0 : Integral(value) / Window.TotalSeconds;

    /// <summary>The integral of a piecewise-constant value over the window, in value-seconds.</summary>
    private double Integral(Func<int, double> value)
    {
        var sum = 0.0;
        for (var i = 0; i + 1 < Count; i++)
        {
            sum += value(i) * ((times[i + 1] - times[i]) / 1e6);
        }

        return sum;
    }
}
