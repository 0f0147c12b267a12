namespace Augur.Core.Prediction;

/// <summary>
/// Accumulates how well predictions matched the truth: mean and median absolute error, the share of
/// under-predictions, Tsafrir's accuracy <c>min(p, a) / max(p, a)</c> (1 when both are 0), and how often
/// the truth fell inside [p10, p90] for predictions that have quantiles.
/// </summary>
public sealed class PredictionAccuracy
{
    private readonly List<double> absoluteErrors = [];
    private double accuracySum;
    private int underPredicted;
    private int withInterval;
    private int inInterval;

    public int Count => absoluteErrors.Count;

    /// <summary>Jobs the predictor gave no estimate for (NaN): counted apart, not scored.</summary>
    public int WithoutEstimate { get; private set; }

    public void Add(double predicted, double actual, in Prediction prediction)
    {
        if (double.IsNaN(predicted))
        {
            WithoutEstimate++;
            return;
        }

        absoluteErrors.Add(Math.Abs(predicted - actual));
        var larger = Math.Max(predicted, actual);
        accuracySum += larger <= 0 ? 1 : Math.Min(predicted, actual) / larger;
        if (predicted < actual)
        {
            underPredicted++;
        }

        if (prediction.HasQuantiles)
        {
            withInterval++;
            if (actual >= prediction.P10 && actual <= prediction.P90)
            {
                inInterval++;
            }
        }
    }

    public double MeanAbsoluteError => Count == 0 ? double.NaN : Sum(absoluteErrors) / Count;

    public double MedianAbsoluteError
    {
        get
        {
            if (Count == 0)
            {
                return double.NaN;
            }

            var sorted = absoluteErrors.ToArray();
            Array.Sort(sorted);
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double UnderPredictionRate => Count == 0 ? double.NaN : underPredicted / (double)Count;

    public double MeanAccuracy => Count == 0 ? double.NaN : accuracySum / Count;

    /// <summary>Share of predictions with quantiles whose truth fell in [p10, p90]; NaN when none had quantiles.</summary>
    public double IntervalCoverage => withInterval == 0 ? double.NaN : inInterval / (double)withInterval;

    private static double Sum(List<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}
