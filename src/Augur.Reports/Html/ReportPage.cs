using Augur.Reports.Charts;

namespace Augur.Reports.Html;

/// <summary>What one HTML page shows, as data: a title, facts, tables and charts (docs/reports.md).</summary>
public sealed class ReportPage
{
    public required string Title { get; init; }

    public string Subtitle { get; init; } = string.Empty;

    /// <summary>Name and value pairs shown under the title (trace, policy, processors, ...).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Facts { get; init; } = [];

    public IReadOnlyList<ReportTable> Tables { get; init; } = [];

    public IReadOnlyList<Chart> Charts { get; init; } = [];
}
