using System.Globalization;
using Augur.Reports.Runs;

namespace Augur.Reports.Charts;

/// <summary>
/// Predicted against actual run time, log-log, for a run that planned with a predictor. At most
/// <see cref="DefaultPoints"/> jobs are drawn: every k-th started job in submission order (k the smallest
/// stride that fits), so the sample is spread over the whole run and the same on every build.
/// </summary>
public static class PredictionChart
{
    public const int DefaultPoints = 4000;

    /// <summary>The chart, or null when the run has no predictions.</summary>
    public static Chart? Build(JobTable table, int maximumPoints = DefaultPoints)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumPoints);
        if (!table.HasPredictions)
        {
            return null;
        }

        // Unbounded estimates (-1: no estimate, no request) have nothing to draw.
        var scored = table.Jobs.Where(job => job.Started && job.Predicted >= 0).ToList();
        var stride = Math.Max(1, (scored.Count + maximumPoints - 1) / maximumPoints);
        var sample = new List<(double Actual, double Predicted)>();
        for (var i = 0; i < scored.Count; i += stride)
        {
            sample.Add((Math.Max(scored[i].Run, 1), Math.Max(scored[i].Predicted, 1)));
        }

        sample.Sort((left, right) => left.Actual.CompareTo(right.Actual) is var order && order != 0 ? order : left.Predicted.CompareTo(right.Predicted));
        var x = sample.Select(point => point.Actual).ToArray();
        var note = stride == 1
            ? $"All {scored.Count.ToString("N0", CultureInfo.InvariantCulture)} started jobs with an estimate"
            : $"Every {Ordinal(stride)} of {scored.Count.ToString("N0", CultureInfo.InvariantCulture)} started jobs with an estimate ({sample.Count.ToString("N0", CultureInfo.InvariantCulture)} drawn)";
        note += "; the first estimate the job was planned with, against its run time. Times under 1 s are drawn at 1 s. Points above the line were over-predicted.";
        return new Chart(
            "predicted-vs-actual",
            "Predicted against actual run time",
            new ChartAxis("actual run time (s)", Logarithmic: true),
            new ChartAxis("predicted run time (s)", Logarithmic: true),
            x,
            [new ChartSeries("prediction", sample.Select(point => point.Predicted).ToArray(), SeriesStyle.Points), new ChartSeries("perfect (y = x)", x, SeriesStyle.Line)])
        {
            Note = note,
        };
    }

    /// <summary>2nd, 3rd, 4th, 11th, 21st: the stride as the note reads it.</summary>
    internal static string Ordinal(int number)
    {
        var suffix = (number % 100) is 11 or 12 or 13 ? "th" : (number % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return number.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
