using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Augur.Reports.Comparisons;

/// <summary>
/// Writes a <see cref="RunComparison"/> as Markdown, CSV or JSON (docs/cli.md). Every metric appears with its
/// ratio to the baseline; a run planned by an oracle is marked so wherever it is named. GPU runs have their own
/// metrics (<see cref="RunComparison.GpuMetricNames"/>) and a placement column after the policy.
/// </summary>
public static class ComparisonWriter
{
    /// <summary>
    /// The column of <see cref="Cells"/> where the metrics start (each followed by its ratio): after run, policy and
    /// predictor, and for GPU runs placement.
    /// </summary>
    public static int FirstMetricColumn(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return comparison.IsGpu ? 4 : 3;
    }

    /// <summary>Rows of cells for a text or Markdown table: the header first.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cells(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var rows = new List<IReadOnlyList<string>>();
        var header = comparison.IsGpu ? new List<string> { "run", "policy", "placement", "predictor" } : ["run", "policy", "predictor"];
        foreach (var metric in comparison.Metrics)
        {
            header.Add(metric);
            header.Add($"{metric} ratio");
        }

        rows.Add(header);
        for (var run = 0; run < comparison.Runs.Count; run++)
        {
            var summary = comparison.Runs[run];
            var row = summary.Placement is null
                ? new List<string> { Label(comparison, run), summary.Policy, PredictorOf(summary) }
                : [Label(comparison, run), summary.Policy, summary.Placement, PredictorOf(summary)];
            foreach (var metric in comparison.Metrics)
            {
                var value = summary.Metrics[metric];
                row.Add(double.IsFinite(value) ? Formatting.Number(Math.Round(value, 3)) : "-");
                row.Add(Ratio(comparison.Ratio(run, metric)));
            }

            rows.Add(row);
        }

        return rows;
    }

    public static string ToMarkdown(RunComparison comparison)
    {
        var rows = Cells(comparison);
        var builder = new StringBuilder();
        builder.Append("| ").AppendJoin(" | ", rows[0]).Append(" |\n");
        builder.Append('|').AppendJoin('|', rows[0].Select(_ => "---")).Append("|\n");
        foreach (var row in rows.Skip(1))
        {
            builder.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        return builder.ToString();
    }

    public static string ToCsv(RunComparison comparison)
    {
        var rows = Cells(comparison);
        var builder = new StringBuilder();
        builder.AppendJoin(',', rows[0].Select(cell => cell.Replace(' ', '_'))).Append('\n');
        foreach (var row in rows.Skip(1))
        {
            builder.AppendJoin(',', row.Select(Quoted)).Append('\n');
        }

        return builder.ToString();
    }

    public static string ToJson(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        using var stream = new MemoryStream();
        using (var json = JsonOutput.CreateWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("baseline", comparison.Runs[comparison.Baseline].Folder);
            json.WriteStartArray("runs");
            for (var run = 0; run < comparison.Runs.Count; run++)
            {
                var summary = comparison.Runs[run];
                json.WriteStartObject();
                json.WriteString("run", summary.Folder);
                json.WriteString("trace", summary.Trace);
                json.WriteString("policy", summary.Policy);
                if (summary.Placement is not null)
                {
                    json.WriteString("placement", summary.Placement);
                }

                if (summary.Predictor is null)
                {
                    json.WriteNull("predictor");
                }
                else
                {
                    json.WriteString("predictor", summary.Predictor);
                }

                json.WriteBoolean("oracle", summary.Oracle);
                json.WriteStartObject("metrics");
                foreach (var metric in comparison.Metrics)
                {
                    // A GPU summary's Jain index is null when nobody held a GPU; it stays null here.
                    var value = summary.Metrics[metric];
                    if (double.IsFinite(value))
                    {
                        json.WriteNumber(metric, value);
                    }
                    else
                    {
                        json.WriteNull(metric);
                    }
                }

                json.WriteEndObject();
                json.WriteStartObject("ratios");
                foreach (var metric in comparison.Metrics)
                {
                    JsonOutput.WriteNumberOrNull(json, metric, comparison.Ratio(run, metric));
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Label(RunComparison comparison, int run)
    {
        var summary = comparison.Runs[run];
        var label = summary.Label + (run == comparison.Baseline ? " (baseline)" : string.Empty);
        return summary.Oracle ? label + " (ORACLE)" : label;
    }

    private static string PredictorOf(RunSummary summary) => summary.Predictor ?? "-";

    private static string Ratio(double ratio) => double.IsFinite(ratio) ? ratio.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string Quoted(string cell) =>
        cell.Contains(',', StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal) ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
