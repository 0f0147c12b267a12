namespace Augur.Core.Prediction;

/// <summary>
/// A predictor's estimate for one job: a point value and, where the predictor has them, the 10th, 50th and
/// 90th percentiles of its belief. Values are in the target's unit (seconds or kilobytes). Absent quantiles
/// are NaN, so the struct stays small and comparisons stay exact.
/// </summary>
public readonly record struct Prediction
{
    private Prediction(double point, double p10, double p50, double p90, bool hasQuantiles)
    {
        HasQuantiles = hasQuantiles;
        Point = point;
        P10 = p10;
        P50 = p50;
        P90 = p90;
    }

    /// <summary>"No estimate": a predictor that has nothing to go on (no history, no request). Its point is NaN.</summary>
    public static Prediction None { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN, hasQuantiles: false);

    /// <summary>The estimate the scheduler plans with; NaN for <see cref="None"/>.</summary>
    public double Point { get; }

    /// <summary>False for <see cref="None"/>: the scheduler then plans with the request.</summary>
    public bool HasPoint => !double.IsNaN(Point);

    public double P10 { get; }

    public double P50 { get; }

    public double P90 { get; }

    /// <summary>False for a point estimate (and for <c>default</c>, whose zero quantiles mean nothing).</summary>
    public bool HasQuantiles { get; }

    /// <summary>A point estimate only.</summary>
    public static Prediction Of(double point)
    {
        CheckFinite(point, nameof(point));
        return new Prediction(point, double.NaN, double.NaN, double.NaN, hasQuantiles: false);
    }

    /// <summary>A point estimate with quantiles, which must be ordered p10 &lt;= p50 &lt;= p90.</summary>
    public static Prediction WithQuantiles(double point, double p10, double p50, double p90)
    {
        CheckFinite(point, nameof(point));
        CheckFinite(p10, nameof(p10));
        CheckFinite(p50, nameof(p50));
        CheckFinite(p90, nameof(p90));
        if (p10 > p50 || p50 > p90)
        {
            throw new ArgumentException($"Quantiles must be ordered, got p10 {p10}, p50 {p50}, p90 {p90}.", nameof(p50));
        }

        return new Prediction(point, p10, p50, p90, hasQuantiles: true);
    }

    private static void CheckFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "A prediction must be a finite number.");
        }
    }
}
