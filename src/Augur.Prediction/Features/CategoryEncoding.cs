namespace Augur.Prediction.Features;

/// <summary>
/// An online target encoding: the mean of a value over the completed jobs of each category seen so far.
/// The unknown category (-1) and unseen ones encode as NaN.
/// </summary>
internal sealed class CategoryEncoding
{
    private readonly Dictionary<int, (double Sum, int Count)> sums = [];

    public void Add(int category, double value)
    {
        if (category < 0)
        {
            return;
        }

        sums.TryGetValue(category, out var current);
        sums[category] = (current.Sum + value, current.Count + 1);
    }

    public double MeanOf(int category) =>
        category >= 0 && sums.TryGetValue(category, out var current) ? current.Sum / current.Count : double.NaN;
}
