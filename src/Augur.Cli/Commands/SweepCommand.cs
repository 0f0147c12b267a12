using System.CommandLine;
using Augur.Cli.Sweeps;
using Augur.Reports.Comparisons;
using Spectre.Console;

namespace Augur.Cli.Commands;

/// <summary>
/// <c>augur sweep SWEEP.yaml [--quiet]</c>: runs the product of a sweep file's traces, policies, orders,
/// predictors and seeds in parallel, resumably, and ends with the comparison table and its page,
/// OUTPUT/comparison.html (docs/sweep.md).
/// </summary>
public static class SweepCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("sweep") { Description = "the sweep file (YAML; see docs/sweep.md)" };
        var quiet = new Option<bool>("--quiet") { Description = "no progress bar and no table; failures are still reported" };
        var command = new Command("sweep", "Run every combination of a sweep file's traces, policies, orders, predictors and seeds, on all cores, resuming finished runs.")
        {
            file,
            quiet,
        };
        command.SetAction(parsed =>
        {
            SweepFile sweep;
            try
            {
                sweep = SweepReader.Read(parsed.GetRequiredValue(file));
            }
            catch (SweepFileException exception)
            {
                throw new CommandLineFailureException(ExitCodes.BadInput, exception.Message);
            }

            var outcome = SweepRunner.Run(sweep, context, parsed.GetValue(quiet));
            string? page = null;
            if (outcome.Summaries.Count > 0)
            {
                page = Path.Combine(sweep.Output, "comparison.html");
                CompareCommand.WriteHtml(page, new RunComparison(outcome.Summaries));
            }

            if (!parsed.GetValue(quiet))
            {
                context.Console.WriteLine($"{outcome.Runs} runs: {outcome.Runs - outcome.Resumed - outcome.Failed.Count} run now, {outcome.Resumed} already finished, {outcome.Failed.Count} failed; folders under {sweep.Output}");
                if (outcome.Summaries.Count > 0)
                {
                    CompareCommand.WriteTable(context, new RunComparison(outcome.Summaries));
                    context.Console.WriteLine($"comparison report: {page}");
                }
            }

            foreach (var (run, reason) in outcome.Failed)
            {
                context.Error.WriteLine($"failed: {run.Describe()}: {reason}");
            }

            return outcome.Failed.Count > 0 ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }
}
