using System.CommandLine;
using Augur.Cli.Sweeps;
using Augur.Reports.Comparisons;
using Spectre.Console;

namespace Augur.Cli.Commands;

/// <summary>
/// <c>augur sweep SWEEP.yaml [--quiet] [--on local|slurm]</c>: runs the product of a sweep file's traces,
/// policies, orders, predictors and seeds (or, for GPU traces, loads, policies, placements and predictors) in parallel (on this machine, or as one Slurm job array), resumably,
/// and ends with the comparison table and its page, OUTPUT/comparison.html (docs/sweep.md).
/// </summary>
public static class SweepCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("sweep") { Description = "the sweep file (YAML; see docs/sweep.md)" };
        var quiet = new Option<bool>("--quiet") { Description = "no progress bar and no table; failures are still reported" };
        var on = new Option<string>("--on")
        {
            Description = "where the runs execute: local (this machine's cores) or slurm (one job array, one task per run)",
            DefaultValueFactory = _ => "local",
        };
        on.AcceptOnlyFromAmong("local", "slurm");
        var partition = new Option<string?>("--partition") { Description = "with --on slurm: the partition to submit to (default: the cluster's)" };
        var command = new Command("sweep", "Run every combination of a sweep file's traces, policies, orders, predictors and seeds (GPU traces: loads, policies, placements, predictors), on all cores or as a Slurm job array, resuming finished runs.")
        {
            file,
            quiet,
            on,
            partition,
        };
        command.SetAction(parsed =>
        {
            var sweep = ReadSweep(parsed.GetRequiredValue(file));

            if (parsed.GetValue(partition) is not null && parsed.GetValue(on) != "slurm")
            {
                throw new CommandLineFailureException(ExitCodes.Usage, "--partition needs --on slurm");
            }

            var outcome = parsed.GetValue(on) == "slurm"
                ? SlurmSweepRunner.Run(sweep, context, new SlurmSweepOptions { Partition = parsed.GetValue(partition) }, parsed.GetValue(quiet))
                : SweepRunner.Run(sweep, context, parsed.GetValue(quiet));
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

    /// <summary>Reads and checks a sweep file; a file that cannot be run is bad input (exit 3).</summary>
    internal static SweepFile ReadSweep(string path)
    {
        try
        {
            return SweepReader.Read(path);
        }
        catch (SweepFileException exception)
        {
            throw new CommandLineFailureException(ExitCodes.BadInput, exception.Message);
        }
    }
}
