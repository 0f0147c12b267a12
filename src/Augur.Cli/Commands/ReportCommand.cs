using System.CommandLine;
using Spectre.Console;

namespace Augur.Cli.Commands;

/// <summary><c>augur report RUN_DIR [--window FROM:TO]</c>: writes the run folder's report.html (docs/reports.md).</summary>
public static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var folder = new Argument<string>("run") { Description = "a run folder written by augur simulate (summary.json and jobs.csv)" };
        var window = ReportOptions.CreateWindow();
        var command = new Command("report", "Write a run folder's report.html: one self-contained page of charts that opens offline.")
        {
            folder,
            window,
        };
        command.SetAction(parsed =>
        {
            var path = ReportOptions.Write(parsed.GetRequiredValue(folder), ReportOptions.ReadWindow(parsed, window));
            context.Console.WriteLine($"wrote {path}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
