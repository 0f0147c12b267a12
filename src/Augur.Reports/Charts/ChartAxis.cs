namespace Augur.Reports.Charts;

/// <summary>An axis: its label with the unit, a logarithmic scale or not, and category names when x is categorical.</summary>
/// <param name="Label">The label, unit included ("wait (s)").</param>
/// <param name="Logarithmic">A base-10 logarithmic scale; every value on it is positive.</param>
public sealed record ChartAxis(string Label, bool Logarithmic = false)
{
    /// <summary>For a categorical x axis: the name of category i, drawn at x = i.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>For a categorical x axis: a detail shown with category i under the cursor (its job count).</summary>
    public IReadOnlyList<string>? CategoryDetails { get; init; }

    /// <summary>The axis's fixed range, or null to fit the data.</summary>
    public (double Minimum, double Maximum)? Range { get; init; }
}
