namespace Augur.Prediction.Experts;

/// <summary>
/// Conformal intervals: the 10th, 50th and 90th percentiles of the most recent log residuals
/// log((1 + actual) / (1 + predicted)), recomputed every <c>refresh</c> additions rather than per prediction.
/// </summary>
internal sealed class ResidualQuantiles
{
    private readonly double[] residuals;
    private readonly double[] sorted;
    private readonly int refresh;
    private int count;
    private int next;
    private int sinceRefresh;

    private readonly double pointQuantile;

    public ResidualQuantiles(int capacity, int refresh, double pointQuantile)
    {
        this.pointQuantile = pointQuantile;
        residuals = new double[capacity];
        sorted = new double[capacity];
        this.refresh = refresh;
    }

    public double P10 { get; private set; } = double.NaN;

    public double P50 { get; private set; } = double.NaN;

    public double P90 { get; private set; } = double.NaN;

    /// <summary>The residual at the quantile the point estimate is shifted to.</summary>
    public double PointShift { get; private set; }

    public bool IsReady => !double.IsNaN(P90);

    public void Add(double residual)
    {
        residuals[next] = residual;
        next = (next + 1) % residuals.Length;
        count = Math.Min(count + 1, residuals.Length);
        if (++sinceRefresh >= refresh && count >= 50)
        {
            sinceRefresh = 0;
            Array.Copy(residuals, sorted, count);
            Array.Sort(sorted, 0, count);
            P10 = sorted[(int)(0.1 * (count - 1))];
            P50 = sorted[(int)(0.5 * (count - 1))];
            P90 = sorted[(int)(0.9 * (count - 1))];
            PointShift = sorted[(int)(pointQuantile * (count - 1))];
        }
    }
}
