using System.CommandLine;
using Augur.Reports.Comparisons;
using Augur.Reports.Html;
using Spectre.Console;

namespace Augur.Cli.Commands;

/// <summary>
/// <c>augur compare RUN_DIR... [--baseline RUN_DIR] [--format table|md|csv|json|html] [--out FILE]</c>: runs'
/// metrics side by side with their ratios to the baseline (docs/cli.md); html is a page that also overlays every
/// run's CDFs of wait and bounded slowdown, or for GPU runs of JCT and queueing delay (docs/reports.md). Batch and
/// GPU runs are not mixed.
/// </summary>
public static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var runs = new Argument<string[]>("runs") { Description = "run folders written by augur simulate", Arity = ArgumentArity.OneOrMore };
        var baseline = new Option<string?>("--baseline") { Description = "the run the others are divided by (default: the first); added if not among the runs" };
        var format = new Option<string>("--format") { Description = "table (the console), md, csv, json, or html (a page written to --out)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "md", "csv", "json", "html");
        var output = new Option<string>("--out") { Description = "where --format html writes its page", DefaultValueFactory = _ => "comparison.html" };
        var command = new Command("compare", "Compare run folders: every metric side by side, with its ratio to a baseline run.")
        {
            runs,
            baseline,
            format,
            output,
        };
        command.SetAction(parsed =>
        {
            var folders = parsed.GetRequiredValue(runs).ToList();
            var baselineFolder = parsed.GetValue(baseline);
            var baselineIndex = 0;
            if (baselineFolder is not null)
            {
                baselineIndex = folders.FindIndex(folder => SameFolder(folder, baselineFolder));
                if (baselineIndex < 0)
                {
                    folders.Insert(0, baselineFolder);
                    baselineIndex = 0;
                }
            }

            RunComparison comparison;
            try
            {
                comparison = new RunComparison(folders.Select(RunSummaryReader.Read).ToList(), baselineIndex);
            }
            catch (RunFolderException exception)
            {
                throw new CommandLineFailureException(ExitCodes.BadInput, exception.Message);
            }

            switch (parsed.GetRequiredValue(format))
            {
                case "md":
                    context.Out.Write(ComparisonWriter.ToMarkdown(comparison));
                    break;
                case "csv":
                    context.Out.Write(ComparisonWriter.ToCsv(comparison));
                    break;
                case "json":
                    context.Out.Write(ComparisonWriter.ToJson(comparison));
                    break;
                case "html":
                    var path = parsed.GetRequiredValue(output);
                    WriteHtml(path, comparison);
                    context.Console.WriteLine($"wrote {path}");
                    break;
                default:
                    WriteTable(context, comparison);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Writes the comparison page; a run folder without a readable jobs.csv is bad input (exit 3).</summary>
    internal static void WriteHtml(string path, RunComparison comparison)
    {
        try
        {
            ComparisonReport.Write(path, comparison);
        }
        catch (RunFolderException exception)
        {
            throw new CommandLineFailureException(ExitCodes.BadInput, exception.Message);
        }
    }

    /// <summary>Metrics the console table shows of batch runs (md, csv and json have all of them).</summary>
    private static readonly string[] ConsoleMetrics = ["wait_mean", "wait_median", "wait_p95", "bsld_mean", "bsld_median", "utilization"];

    /// <summary>Metrics the console table shows of GPU runs.</summary>
    private static readonly string[] GpuConsoleMetrics = ["jct_mean", "jct_median", "jct_p95", "queueing_delay_mean", "gpu_allocation", "energy_total_kwh"];

    /// <summary>
    /// The console table: the run's policy (and a GPU run's placement) and predictor under its name, and each
    /// headline metric with its ratio in the same cell, so that it fits a terminal.
    /// </summary>
    internal static void WriteTable(CliContext context, RunComparison comparison)
    {
        var metrics = comparison.IsGpu ? GpuConsoleMetrics : ConsoleMetrics;
        var firstMetric = ComparisonWriter.FirstMetricColumn(comparison);
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("run");
        foreach (var metric in metrics)
        {
            table.AddColumn(new TableColumn(Markup.Escape(metric)).RightAligned());
        }

        var cells = ComparisonWriter.Cells(comparison);
        for (var run = 0; run < comparison.Runs.Count; run++)
        {
            var row = cells[run + 1];
            var line = new List<string> { Markup.Escape($"{row[0]}\n{string.Join(' ', row.Skip(1).Take(firstMetric - 1))}") };
            foreach (var metric in metrics)
            {
                var column = firstMetric + (2 * IndexOf(comparison, metric));
                line.Add(Markup.Escape($"{row[column]}\nx{row[column + 1]}"));
            }

            table.AddRow(line.ToArray());
        }

        context.Console.Write(table);
        context.Console.WriteLine($"x: ratio to {comparison.Runs[comparison.Baseline].Folder}");
    }

    private static int IndexOf(RunComparison comparison, string metric)
    {
        for (var i = 0; i < comparison.Metrics.Count; i++)
        {
            if (comparison.Metrics[i] == metric)
            {
                return i;
            }
        }

        throw new ArgumentException($"unknown metric {metric}", nameof(metric));
    }

    private static bool SameFolder(string left, string right) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(left)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(right)), StringComparison.Ordinal);
}
