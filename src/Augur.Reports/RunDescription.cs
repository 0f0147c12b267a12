namespace Augur.Reports;

/// <summary>What a run was: its inputs and options, as written into summary.json.</summary>
public sealed record RunDescription
{
    public required string Trace { get; init; }

    public required string Policy { get; init; }

    public string? Order { get; init; }

    /// <summary>Options as given (filter, lenient, seed, ...), written in key order.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>Job records read from the trace.</summary>
    public int RecordsRead { get; init; }

    /// <summary>Bad records lenient reading skipped, by reason.</summary>
    public IReadOnlyDictionary<string, int> Skipped { get; init; } = new Dictionary<string, int>();

    /// <summary>Records the filter left out, by reason.</summary>
    public IReadOnlyDictionary<string, int> Dropped { get; init; } = new Dictionary<string, int>();
}
