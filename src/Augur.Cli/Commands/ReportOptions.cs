using System.CommandLine;
using Augur.Reports.Charts;
using Augur.Reports.Comparisons;
using Augur.Reports.Gpu;
using Augur.Reports.Html;

namespace Augur.Cli.Commands;

/// <summary>The schedule-window option shared by <c>augur report</c> and <c>augur simulate --report</c>, and writing the report.</summary>
internal static class ReportOptions
{
    public const string GpuWindowRefused = "--window chooses the schedule view of a batch run's report; a GPU run's report has no schedule view (docs/reports.md)";

    public static Option<string?> CreateWindow() =>
        new("--window") { Description = "the schedule view's window, FROM:TO in hours since the first submission (default: a day from the median start)" };

    public static ScheduleWindow? ReadWindow(ParseResult parsed, Option<string?> option)
    {
        if (parsed.GetValue(option) is not { } text)
        {
            return null;
        }

        return ScheduleWindow.Parse(text, out var error) ?? throw new CommandLineFailureException(ExitCodes.Usage, $"--window {error}");
    }

    /// <summary>
    /// Writes <c>report.html</c> into the run folder, a batch run's or a GPU run's; a bad folder is bad input
    /// (exit 3), and a window for a GPU run, which has no schedule view, a usage error (exit 2).
    /// </summary>
    public static string Write(string folder, ScheduleWindow? window)
    {
        try
        {
            if (GpuRunSummaryReader.IsGpuRun(folder))
            {
                if (window is not null)
                {
                    throw new CommandLineFailureException(ExitCodes.Usage, GpuWindowRefused);
                }

                return GpuRunReport.Write(folder);
            }

            return RunReport.Write(folder, window);
        }
        catch (RunFolderException exception)
        {
            throw new CommandLineFailureException(ExitCodes.BadInput, exception.Message);
        }
    }
}
