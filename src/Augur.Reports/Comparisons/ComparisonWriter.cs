using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Augur.Reports.Comparisons;

/// <summary>
/// Writes a <see cref="RunComparison"/> as Markdown, CSV or JSON (docs/cli.md). Every metric appears with its
/// ratio to the baseline; a run planned by an oracle is marked so wherever it is named.
/// </summary>
public static class ComparisonWriter
{
    /// <summary>Rows of cells for a text or Markdown table: the header first.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cells(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var rows = new List<IReadOnlyList<string>>();
        var header = new List<string> { "run", "policy", "predictor" };
        foreach (var metric in RunComparison.MetricNames)
        {
            header.Add(metric);
            header.Add($"{metric} ratio");
        }

        rows.Add(header);
        for (var run = 0; run < comparison.Runs.Count; run++)
        {
            var summary = comparison.Runs[run];
            var row = new List<string> { Label(comparison, run), summary.Policy, PredictorOf(summary) };
            foreach (var metric in RunComparison.MetricNames)
            {
                row.Add(Formatting.Number(Math.Round(summary.Metrics[metric], 3)));
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
                foreach (var metric in RunComparison.MetricNames)
                {
                    json.WriteNumber(metric, summary.Metrics[metric]);
                }

                json.WriteEndObject();
                json.WriteStartObject("ratios");
                foreach (var metric in RunComparison.MetricNames)
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
