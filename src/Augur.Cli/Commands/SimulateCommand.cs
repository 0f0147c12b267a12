using System.CommandLine;
using System.Globalization;
using Augur.Cli.Running;
using Augur.Policies;
using Augur.Reports.Tables;
using Spectre.Console;

namespace Augur.Cli.Commands;

/// <summary><c>augur simulate TRACE --policy ID [--order ID] ...</c>: one simulated run, written to a folder.</summary>
public static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var traceOptions = new TraceOptions();
        var policy = new Option<string>("--policy") { Description = "the scheduling policy id (see 'augur policies')", DefaultValueFactory = _ => "backfill/easy" };
        var order = new Option<string?>("--order") { Description = "the queue order id (default order/fcfs)" };
        var output = new Option<string?>("--out") { Description = "the run folder (default runs/TRACE.POLICY)" };
        var quiet = new Option<bool>("--quiet") { Description = "print nothing but errors" };
        var command = new Command("simulate", "Replay a trace under a scheduling policy; write summary.json, jobs.csv and schedule.swf.");
        traceOptions.AddTo(command);
        command.Add(policy);
        command.Add(order);
        command.Add(output);
        command.Add(quiet);
        command.SetAction(parsed =>
        {
            var policyId = parsed.GetRequiredValue(policy);
            var orderId = parsed.GetValue(order);
            PolicyCatalogue.Validate(policyId, orderId);
            var selection = traceOptions.Read(parsed);
            var trace = TraceLoader.Load(selection);
            var directory = parsed.GetValue(output) ?? DefaultFolder(trace.Name, policyId, orderId);
            var run = SimulationRunner.Run(new RunRequest(trace, policyId, orderId, directory, parsed.GetValue(quiet)), context);
            if (!parsed.GetValue(quiet))
            {
                Report(context, run);
            }

            return run.Result.NeverStarted > 0 ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }

    public static string DefaultFolder(string traceName, string policyId, string? orderId)
    {
        var name = $"{traceName}.{policyId.Replace('/', '-')}";
        if (orderId is not null && orderId != "order/fcfs")
        {
            name += "." + orderId.Replace('/', '-');
        }

        return Path.Combine("runs", name);
    }

    internal static void Report(CliContext context, CompletedRun run)
    {
        var trace = run.Request.Trace;
        var console = context.Console;
        console.WriteLine($"{run.Request.PolicyId} on {trace.Swf.Path}: {run.Result.Workload.Count} jobs on {trace.Processors} processors, simulated in {run.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s");
        if (trace.Swf.Skipped.Total > 0)
        {
            console.WriteLine($"skipped {trace.Swf.Skipped.Total} bad records: {Describe(trace.Swf.Skipped.Counts)}");
        }

        if (trace.Workload.Dropped.Total > 0)
        {
            console.WriteLine($"filter {trace.FilterId} dropped {trace.Workload.Dropped.Total} records: {Describe(trace.Workload.Dropped.Counts)}");
        }

        if (run.Result.NeverStarted > 0)
        {
            context.Error.WriteLine($"warning: {run.Result.NeverStarted} jobs never started under {run.Request.PolicyId}");
        }

        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in ComparisonTable.Columns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        table.AddRow(ComparisonTable.Row(run.Request.PolicyId, run.Metrics).Select(Markup.Escape).ToArray());
        console.Write(table);
        console.WriteLine($"wrote {run.Request.OutputDirectory}/{{summary.json, jobs.csv, schedule.swf}}");
    }

    private static string Describe(IReadOnlyDictionary<string, int> counts) =>
        string.Join("; ", counts.Select(c => $"{c.Key}: {c.Value}"));
}
