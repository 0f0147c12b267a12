namespace Augur.Traces;

/// <summary>Records a reader or a filter left out, counted by reason, with the first place each reason occurred.</summary>
public sealed class SkippedRecords
{
    private readonly SortedDictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> firstExample = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Counts => counts;

    public int Total { get; private set; }

    /// <summary>Where each reason was first met (<c>file:line</c>), for the run's summary.</summary>
    public IReadOnlyDictionary<string, string> FirstExample => firstExample;

    public void Add(string reason, string where)
    {
        counts[reason] = counts.TryGetValue(reason, out var count) ? count + 1 : 1;
        firstExample.TryAdd(reason, where);
        Total++;
    }
}
