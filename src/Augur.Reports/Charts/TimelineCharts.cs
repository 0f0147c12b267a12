using System.Globalization;
using Augur.Reports.Runs;

namespace Augur.Reports.Charts;

/// <summary>
/// Queue length and utilization over time. Both are exact step functions of the run (every submit, start and
/// end), reduced to <see cref="DefaultIntervals"/> equal intervals from the first submission to the last event:
/// each interval shows the time-weighted mean, and the queue also its maximum held for a positive time, so a
/// spike shorter than an interval still shows. A job that never started waits until the last event.
/// </summary>
public static class TimelineCharts
{
    public const int DefaultIntervals = 1000;

    public const double SecondsPerDay = 86_400;

    public static (Chart Queue, Chart Utilization) Build(IReadOnlyList<JobRow> jobs, int processors, int intervals = DefaultIntervals)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(processors);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervals);
        var timeline = Accumulate(jobs, intervals);
        var x = new double[timeline.Intervals];
        var queueMean = new double[timeline.Intervals];
        var utilization = new double[timeline.Intervals];
        for (var i = 0; i < timeline.Intervals; i++)
        {
            x[i] = (timeline.Width * (i + 0.5)) / SecondsPerDay;
            queueMean[i] = timeline.QueueArea[i] / timeline.Width;
            utilization[i] = timeline.BusyArea[i] / timeline.Width / processors;
        }

        var queueMaximum = Array.ConvertAll(timeline.QueueMaximum, value => (double)value);
        var width = Describe(timeline.Width);
        var time = new ChartAxis("days since the first submission");
        var queue = new Chart(
            "queue-length",
            "Queue length over time",
            time,
            new ChartAxis("jobs waiting"),
            x,
            [new ChartSeries("mean", queueMean, SeriesStyle.Line), new ChartSeries("maximum", queueMaximum, SeriesStyle.Line)])
        {
            Note = $"Jobs submitted and not yet started. Time-weighted mean and maximum over {timeline.Intervals} equal intervals of {width} each.",
        };
        var busy = new Chart(
            "utilization",
            "Utilization over time",
            time,
            new ChartAxis("busy processors / processors") { Range = (0, 1) },
            x,
            [new ChartSeries("utilization", utilization, SeriesStyle.Line)])
        {
            Note = $"Processors in use over the machine's {processors}. Time-weighted mean over {timeline.Intervals} equal intervals of {width} each.",
        };
        return (queue, busy);
    }

    /// <summary>A length of time for a note: hours from an hour up, else seconds.</summary>
    internal static string Describe(double seconds) =>
        seconds >= 3600
            ? (seconds / 3600).ToString("0.##", CultureInfo.InvariantCulture) + " h"
            : seconds.ToString("0.##", CultureInfo.InvariantCulture) + " s";

    private static Timeline Accumulate(IReadOnlyList<JobRow> jobs, int intervals)
    {
        var count = 0;
        var origin = double.PositiveInfinity;
        var last = double.NegativeInfinity;
        foreach (var job in jobs)
        {
            count += job.Started ? 3 : 1;
            origin = Math.Min(origin, job.Submit);
            last = Math.Max(last, job.Started ? job.End : job.Submit);
        }

        if (count == 0)
        {
            return new Timeline(0, 0, [], [], []);
        }

        var times = new double[count];
        var queueChanges = new int[count];
        var busyChanges = new long[count];
        var next = 0;
        foreach (var job in jobs)
        {
            times[next] = job.Submit;
            queueChanges[next++] = 1;
            if (job.Started)
            {
                times[next] = job.Start;
                queueChanges[next] = -1;
                busyChanges[next++] = job.Processors;
                times[next] = job.End;
                busyChanges[next++] = -job.Processors;
            }
        }

        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        Array.Sort(times, order);
        var span = last - origin;
        var timeline = new Timeline(intervals, span, new double[intervals], new double[intervals], new int[intervals]);
        var queue = 0;
        var busy = 0L;
        var previous = origin;
        for (var i = 0; i < count; i++)
        {
            if (times[i] > previous)
            {
                timeline.Add(previous - origin, times[i] - origin, queue, busy);
                previous = times[i];
            }

            queue += queueChanges[order[i]];
            busy += busyChanges[order[i]];
        }

        return timeline;
    }

    /// <param name="Intervals">How many equal intervals.</param>
    /// <param name="Span">From the first submission to the last event, in seconds.</param>
    private sealed record Timeline(int Intervals, double Span, double[] QueueArea, double[] BusyArea, int[] QueueMaximum)
    {
        /// <summary>An interval's length in seconds (1 when the span is 0, so that nothing divides by 0).</summary>
        public double Width => Span > 0 ? Span / Intervals : 1;

        /// <summary>Adds the value held over [from, to) (seconds from the origin) to every interval it overlaps.</summary>
        public void Add(double from, double to, int queue, long busy)
        {
            for (var i = IntervalOf(from); i < Intervals && Boundary(i) < to; i++)
            {
                var overlap = Math.Min(to, Boundary(i + 1)) - Math.Max(from, Boundary(i));
                if (overlap <= 0)
                {
                    continue;
                }

                QueueArea[i] += queue * overlap;
                BusyArea[i] += busy * overlap;
                QueueMaximum[i] = Math.Max(QueueMaximum[i], queue);
            }
        }

        /// <summary>
        /// Where interval i starts: Span * i / Intervals, the double nearest the exact boundary when the span is whole
        /// seconds, so that an event exactly on a boundary is in the later interval only (Width * i, rounded twice,
        /// can land just after such an event and credit the earlier interval with a value it never held).
        /// </summary>
        private double Boundary(int i) => i >= Intervals ? Span : Span * i / Intervals;

        /// <summary>The interval holding <paramref name="time"/>: the last one that starts at or before it.</summary>
        private int IntervalOf(double time)
        {
            var i = Math.Clamp((int)(time / Width), 0, Intervals - 1);
            while (i > 0 && Boundary(i) > time)
            {
                i--;
            }

            while (i < Intervals - 1 && Boundary(i + 1) <= time)
            {
                i++;
            }

            return i;
        }
    }
}
