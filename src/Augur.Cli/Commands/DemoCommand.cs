using System.CommandLine;
using Augur.Cli.Running;
using Augur.Reports.Comparisons;
using Augur.Reports.Html;
using Augur.Reports.Tables;
using Spectre.Console;

namespace Augur.Cli.Commands;

/// <summary>
/// <c>augur demo</c>: needs no file. Generates a Lublin–Feitelson workload, simulates it under FCFS, EASY and
/// conservative backfilling, prints a comparison, writes one run folder per policy and ends with the comparison
/// page (comparison.html) of the runs.
/// </summary>
public static class DemoCommand
{
    public static IReadOnlyList<string> Policies { get; } = ["queue/fcfs", "backfill/easy", "backfill/conservative"];

    public static Command Create(CliContext context)
    {
        var jobs = WholeNumberOption.Create("--jobs", "how many synthetic jobs", 10_000, minimum: 1);
        var processors = WholeNumberOption.Create("--procs", "the machine's processors", 256, minimum: 1);
        var seed = WholeNumberOption.Create("--seed", "the random seed", 1, minimum: int.MinValue);
        var output = new Option<string>("--out") { Description = "where to write the run folders", DefaultValueFactory = _ => Path.Combine("runs", "demo") };
        var command = new Command("demo", "Generate a synthetic workload and compare queue/fcfs, backfill/easy and backfill/conservative on it.")
        {
            jobs,
            processors,
            seed,
            output,
        };
        command.SetAction(parsed =>
        {
            var selection = new TraceSelection
            {
                Trace = "synthetic:lublin",
                Jobs = parsed.GetValue(jobs),
                Processors = parsed.GetValue(processors),
                Seed = parsed.GetValue(seed),
            };
            var trace = TraceLoader.Load(selection);
            var root = parsed.GetRequiredValue(output);
            context.Console.WriteLine($"Synthetic workload: {trace.Workload.Workload.Count} jobs (Lublin-Feitelson model, seed {selection.Seed}) on {trace.Processors} processors.");
            var runs = new List<CompletedRun>();
            foreach (var policy in Policies)
            {
                var directory = Path.Combine(root, policy.Replace('/', '-'));
                runs.Add(SimulationRunner.Run(new RunRequest(trace, policy, null, directory, Quiet: false), context));
            }

            var table = new Table().Border(TableBorder.Simple);
            foreach (var column in ComparisonTable.Columns)
            {
                table.AddColumn(Markup.Escape(column));
            }

            foreach (var run in runs)
            {
                table.AddRow(ComparisonTable.Row(run.Request.PolicyId, run.Metrics).Select(Markup.Escape).ToArray());
            }

            context.Console.Write(table);
            var comparison = new RunComparison(runs.Select(run => RunSummaryReader.Read(run.Request.OutputDirectory)).ToList());
            var page = Path.Combine(root, "comparison.html");
            ComparisonReport.Write(page, comparison);
            foreach (var run in runs)
            {
                context.Console.WriteLine($"wrote {run.Request.OutputDirectory}");
                if (run.Result.NeverStarted > 0)
                {
                    context.Error.WriteLine($"warning: {run.Result.NeverStarted} jobs never started under {run.Request.PolicyId}");
                }
            }

            context.Console.WriteLine($"comparison report: {page}");
            return runs.Any(run => run.Result.NeverStarted > 0) ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }
}
