namespace Augur.Reports.Charts;

/// <summary>A filled rectangle in data coordinates (the schedule view's job on a run of processors).</summary>
/// <param name="Left">Left edge on x.</param>
/// <param name="Right">Right edge on x.</param>
/// <param name="Bottom">Bottom edge on y.</param>
/// <param name="Top">Top edge on y.</param>
/// <param name="Group">What picks the colour (the job's user), so that one user's jobs share one.</param>
public readonly record struct ChartRectangle(double Left, double Right, double Bottom, double Top, int Group);
