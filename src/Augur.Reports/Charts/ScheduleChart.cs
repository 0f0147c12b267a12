using System.Globalization;
using Augur.Reports.Runs;

namespace Augur.Reports.Charts;

/// <summary>
/// The schedule view: every job running in a window as a rectangle, time across, processors up, coloured by
/// user. The simulator counts processors and does not place jobs on them, so the view places them as a simple
/// allocator would: each job, in start order, takes the lowest-numbered processors free at its start (several
/// rectangles when those are not contiguous). That never overlaps two jobs, since a valid schedule never uses
/// more processors than the machine has. The window holds at most <see cref="DefaultMaximumJobs"/> jobs: a
/// busier one is cut short at the start of the first job past that.
/// </summary>
public static class ScheduleChart
{
    public const int DefaultMaximumJobs = 4000;

    public static Chart Build(IReadOnlyList<JobRow> jobs, int processors, ScheduleWindow? window = null, int maximumJobs = DefaultMaximumJobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(processors);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumJobs);
        var origin = jobs.Count == 0 ? 0 : jobs.Min(job => job.Submit);
        var started = jobs.Where(job => job.Started).OrderBy(job => job.Start).ThenBy(job => job.Id).ToList();
        var (from, to) = Window(started, origin, window);
        var shown = started.Where(job => job.Start < to && job.End > from && job.End > job.Start).ToList();
        var cut = false;
        if (shown.Count > maximumJobs)
        {
            cut = true;
            to = Math.Max(shown[maximumJobs].Start, from + 1);
            shown = shown.Take(maximumJobs).Where(job => job.Start < to).ToList();
        }

        var (rectangles, overcommitted) = Place(shown, processors, from, to, origin);
        var note = $"Jobs running between {Hours(from - origin)} h and {Hours(to - origin)} h after the first submission ({shown.Count.ToString("N0", CultureInfo.InvariantCulture)} jobs), coloured by user. "
            + "Processor numbers are illustrative: each job takes the lowest-numbered processors free at its start.";
        if (shown.Count == 0)
        {
            note += " No job ran in this window: pick another with --window FROM:TO.";
        }

        if (cut)
        {
            note += $" The window was cut short to hold at most {maximumJobs.ToString("N0", CultureInfo.InvariantCulture)} jobs.";
        }

        if (overcommitted > 0)
        {
            note += $" {overcommitted} jobs found fewer free processors than they use: the run's schedule overcommits the machine.";
        }

        var fromHours = (from - origin) / WaitByGroupCharts.SecondsPerHour;
        var toHours = (to - origin) / WaitByGroupCharts.SecondsPerHour;
        return new Chart(
            "schedule",
            "Schedule (processors over time)",
            new ChartAxis("hours since the first submission") { Range = (fromHours, toHours) },
            new ChartAxis("processor") { Range = (0, processors) },
            [fromHours, toHours],
            [new ChartSeries("jobs", [double.NaN, double.NaN], SeriesStyle.Line)])
        {
            Note = note,
            Rectangles = rectangles,
        };
    }

    /// <summary>The window in seconds from the trace's origin: the one asked for, else a day from the median start.</summary>
    private static (double From, double To) Window(List<JobRow> started, double origin, ScheduleWindow? window)
    {
        if (window is { } asked)
        {
            return (origin + (asked.FromHours * WaitByGroupCharts.SecondsPerHour), origin + (asked.ToHours * WaitByGroupCharts.SecondsPerHour));
        }

        if (started.Count == 0)
        {
            return (origin, origin + (ScheduleWindow.DefaultHours * WaitByGroupCharts.SecondsPerHour));
        }

        var last = started.Max(job => job.End);
        var length = ScheduleWindow.DefaultHours * WaitByGroupCharts.SecondsPerHour;
        var from = started[started.Count / 2].Start;
        if (last - from < length)
        {
            from = Math.Max(origin, last - length);
        }

        return (from, Math.Max(from + 1, Math.Min(last, from + length)));
    }

    private static (IReadOnlyList<ChartRectangle> Rectangles, int Overcommitted) Place(List<JobRow> shown, int processors, double from, double to, double origin)
    {
        var busy = new bool[processors];
        var running = new PriorityQueue<int[], double>();
        var rectangles = new List<ChartRectangle>();
        var overcommitted = 0;
        foreach (var job in shown)
        {
            while (running.TryPeek(out var held, out var end) && end <= job.Start)
            {
                running.Dequeue();
                foreach (var processor in held)
                {
                    busy[processor] = false;
                }
            }

            var taken = new List<int>(Math.Min(job.Processors, processors));
            for (var processor = 0; processor < processors && taken.Count < job.Processors; processor++)
            {
                if (!busy[processor])
                {
                    busy[processor] = true;
                    taken.Add(processor);
                }
            }

            if (taken.Count < job.Processors)
            {
                overcommitted++;
            }

            running.Enqueue(taken.ToArray(), job.End);
            var left = (Math.Max(job.Start, from) - origin) / WaitByGroupCharts.SecondsPerHour;
            var right = (Math.Min(job.End, to) - origin) / WaitByGroupCharts.SecondsPerHour;
            for (var i = 0; i < taken.Count;)
            {
                var first = taken[i];
                var next = i + 1;
                while (next < taken.Count && taken[next] == taken[next - 1] + 1)
                {
                    next++;
                }

                rectangles.Add(new ChartRectangle(left, right, first, taken[next - 1] + 1, job.User));
                i = next;
            }
        }

        return (rectangles, overcommitted);
    }

    private static string Hours(double seconds) => (seconds / WaitByGroupCharts.SecondsPerHour).ToString("0.##", CultureInfo.InvariantCulture);
}
