using Augur.Simulation.Metrics;

namespace Augur.Reports.Tables;

/// <summary>Runs side by side: one row per run, the headline metrics as columns.</summary>
public static class ComparisonTable
{
    public static IReadOnlyList<string> Columns { get; } =
        ["run", "jobs", "wait mean (s)", "wait p95 (s)", "bsld mean", "bsld median", "response mean (s)", "utilization", "backfilled"];

    public static IReadOnlyList<string> Row(string run, ScheduleMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return
        [
            run,
            metrics.Jobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            metrics.WaitMean.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            metrics.WaitP95.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
            metrics.BoundedSlowdownMean.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture),
            metrics.BoundedSlowdownMedian.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture),
            metrics.ResponseMean.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            metrics.Utilization.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture),
            metrics.Backfilled.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>A GitHub-flavoured Markdown table of the rows.</summary>
    public static string ToMarkdown(IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new System.Text.StringBuilder();
        builder.Append("| ").AppendJoin(" | ", Columns).Append(" |\n");
        builder.Append('|').AppendJoin('|', Columns.Select(_ => "---")).Append("|\n");
        foreach (var row in rows)
        {
            builder.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        return builder.ToString();
    }
}
