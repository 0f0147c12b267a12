namespace Augur.Reports.Charts;

/// <summary>
/// The empirical CDF of one value (wait, bounded slowdown) for one or several runs on one chart. A CDF of
/// 447,794 jobs does not need 447,794 points: the x grid is each run's 0th, 0.2th, ..., 100th percentiles
/// (<see cref="DefaultQuantiles"/> nearest-rank quantiles per run), merged over the runs; at every x each run's
/// y is the exact fraction of its jobs with a value at most x, from all its jobs. So every drawn point is exact,
/// and a run's curve can only be wrong between two grid points, by less than 1/500 of its jobs plus ties.
/// </summary>
public static class CumulativeDistributionChart
{
    public const int DefaultQuantiles = 501;

    /// <param name="id">The chart's id in the page.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="label">The x axis label with its unit.</param>
    /// <param name="floor">Values below this are drawn at it, since the x axis is logarithmic (1 s for waits).</param>
    /// <param name="runs">Each run's label and values (NaN for jobs that never started: left out).</param>
    /// <param name="quantiles">How many quantiles of each run make the x grid.</param>
    /// <param name="leftOut">What the jobs without a value (NaN) are, for the note: they "never started", or for a JCT "never started or never finished".</param>
    public static Chart Build(string id, string title, string label, double floor, IReadOnlyList<(string Label, IReadOnlyList<double> Values)> runs, int quantiles = DefaultQuantiles, string leftOut = "never started")
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantiles, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(floor);
        var sorted = new List<double[]>(runs.Count);
        var grid = new List<double>();
        foreach (var (_, values) in runs)
        {
            var finite = values.Where(double.IsFinite).Select(value => Math.Max(value, floor)).ToArray();
            Array.Sort(finite);
            sorted.Add(finite);
            if (finite.Length == 0)
            {
                continue;
            }

            for (var q = 0; q < quantiles; q++)
            {
                grid.Add(finite[(int)Math.Round((double)q * (finite.Length - 1) / (quantiles - 1), MidpointRounding.AwayFromZero)]);
            }
        }

        var x = grid.Distinct().Order().ToArray();
        var series = new List<ChartSeries>(runs.Count);
        for (var run = 0; run < runs.Count; run++)
        {
            var values = sorted[run];
            var y = new double[x.Length];
            for (var i = 0; i < x.Length; i++)
            {
                y[i] = values.Length == 0 ? double.NaN : (double)CountAtMost(values, x[i]) / values.Length;
            }

            series.Add(new ChartSeries(runs[run].Label, y, SeriesStyle.Steps));
        }

        var left = runs.Sum(run => run.Values.Count(value => !double.IsFinite(value)));
        var floored = runs.Sum(run => run.Values.Count(value => value < floor));
        var total = sorted.Sum(values => values.Length);
        var note = $"Fraction of started jobs with a value at most x, exact at {quantiles} quantiles of each run.";
        if (floored > 0)
        {
            note += $" {((double)floored / total).ToString("P1", System.Globalization.CultureInfo.InvariantCulture)} of the values are under {floor} and drawn at {floor} (logarithmic axis).";
        }
        if (left > 0)
        {
            note += $" {left} jobs that {leftOut} are left out.";
        }

        return new Chart(id, title, new ChartAxis(label, Logarithmic: true), new ChartAxis("fraction of jobs") { Range = (0, 1) }, x, series) { Note = note };
    }

    /// <summary>How many of the ascending <paramref name="values"/> are at most <paramref name="x"/>.</summary>
    internal static int CountAtMost(double[] values, double x)
    {
        var low = 0;
        var high = values.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (values[middle] <= x)
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
}
