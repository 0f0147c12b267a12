using System.CommandLine;
using System.Globalization;
using Augur.Cli.Running;
using Augur.Policies;
using Augur.Policies.Gpu;
using Augur.Prediction;
using Augur.Reports.Tables;
using Spectre.Console;

namespace Augur.Cli.Commands;

/// <summary><c>augur simulate TRACE --policy ID [--order ID] ...</c>: one simulated run, written to a folder.</summary>
public static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var traceOptions = new TraceOptions();
        var gpuOptions = new GpuSimulateOptions();
        var policy = new Option<string>("--policy") { Description = "the scheduling policy id (see 'augur policies')", DefaultValueFactory = _ => "backfill/easy" };
        var order = new Option<string?>("--order") { Description = "the queue order id (default order/fcfs)" };
        var output = new Option<string?>("--out") { Description = "the run folder (default runs/TRACE.POLICY)" };
        var quiet = new Option<bool>("--quiet") { Description = "print nothing but errors" };
        var predictor = new Option<string?>("--predictor") { Description = "plan with this run-time predictor instead of requested times (see 'augur policies'; backfill/easy++ defaults to predictor/tsafrir)" };
        var report = new Option<bool>("--report") { Description = "also write report.html, a page of charts (docs/reports.md)" };
        var window = ReportOptions.CreateWindow();
        var corrector = new Option<string?>("--corrector") { Description = "what a job that outlives its prediction is planned with next (default: corrector/tsafrir with predictor/tsafrir, corrector/request otherwise)" };
        var command = new Command("simulate", "Replay a trace under a scheduling policy; write summary.json, jobs.csv and schedule.swf.");
        traceOptions.AddTo(command);
        command.Add(policy);
        command.Add(order);
        command.Add(output);
        command.Add(quiet);
        command.Add(predictor);
        command.Add(corrector);
        command.Add(report);
        command.Add(window);
        gpuOptions.AddTo(command);
        command.SetAction(parsed =>
        {
            var policyId = parsed.GetRequiredValue(policy);
            var traceName = parsed.GetValue(traceOptions.Trace) ?? parsed.GetValue(traceOptions.TraceOption);
            var gpuFormat = GpuTraceFormat.Detect(traceName, parsed.GetValue(gpuOptions.Format));
            if (gpuFormat is not null || GpuPolicyCatalogue.Contains(policyId))
            {
                // A GPU report has no schedule view: a window asked for and not used would be a silent skip.
                if (parsed.GetValue(window) is not null)
                {
                    throw new CommandLineFailureException(ExitCodes.Usage, ReportOptions.GpuWindowRefused);
                }

                return SimulateGpu(parsed, context, gpuOptions, traceName, gpuFormat, parsed.GetResult(policy) is null or { Implicit: true } ? "gpu/fifo" : policyId, parsed.GetValue(predictor), parsed.GetValue(traceOptions.Lenient), parsed.GetValue(output), parsed.GetValue(quiet), parsed.GetValue(report));
            }

            // A batch run has no GPU users to be fair among: the option asked for and not used would be a silent skip.
            if (parsed.GetValue(gpuOptions.FairnessWindow) is not null)
            {
                throw new CommandLineFailureException(ExitCodes.Usage, "--fairness-window applies to GPU runs (a GPU trace or a gpu/ policy)");
            }

            // Batch replays learn online from their own jobs; a history split is a GPU run's option.
            if (parsed.GetValue(gpuOptions.HistoryJobs) is not null)
            {
                throw new CommandLineFailureException(ExitCodes.Usage, "--history-jobs applies to GPU runs (a GPU trace or a gpu/ policy)");
            }

            var orderId = parsed.GetValue(order);
            PolicyCatalogue.Validate(policyId, orderId);
            var predictorId = parsed.GetValue(predictor);
            var correctorId = parsed.GetValue(corrector);
            ValidatePrediction(policyId, orderId, predictorId, correctorId);
            var scheduleWindow = ReportOptions.ReadWindow(parsed, window);
            var selection = traceOptions.Read(parsed) with { Format = parsed.GetValue(gpuOptions.Format) };
            var trace = TraceLoader.Load(selection);
            var directory = parsed.GetValue(output) ?? DefaultFolder(trace.Name, policyId, orderId, predictorId);
            var request = new RunRequest(trace, policyId, orderId, directory, parsed.GetValue(quiet)) { PredictorId = predictorId, CorrectorId = correctorId };
            var run = SimulationRunner.Run(request, context);
            if (!parsed.GetValue(quiet))
            {
                Report(context, run);
            }

            if (parsed.GetValue(report))
            {
                var path = ReportOptions.Write(directory, scheduleWindow);
                if (!parsed.GetValue(quiet))
                {
                    context.Console.WriteLine($"wrote {path}");
                }
            }

            return run.Result.NeverStarted > 0 ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The GPU path: a GPU trace (Philly, openb) under a <c>gpu/</c> policy; SWF options do not apply.</summary>
    private static int SimulateGpu(ParseResult parsed, CliContext context, GpuSimulateOptions gpuOptions, string? trace, string? format, string policyId, string? predictorId, bool lenient, string? output, bool quiet, bool report)
    {
        if (format is null || trace is null)
        {
            throw new CommandLineFailureException(ExitCodes.Usage, $"{policyId} schedules GPU traces; give one ({string.Join(", ", GpuTraceFormat.Known)}), or --format ID for a file whose name does not say");
        }

        if (!GpuPolicyCatalogue.Contains(policyId) && policyId.StartsWith("gpu/", StringComparison.Ordinal))
        {
            GpuPolicyCatalogue.Catalogue.Find(policyId);
        }

        if (!GpuPolicyCatalogue.Contains(policyId))
        {
            var known = string.Join(", ", GpuPolicyCatalogue.Catalogue.Entries.Select(e => e.Id));
            throw new CommandLineFailureException(ExitCodes.Usage, $"{trace} is a GPU trace ({format}); {policyId} schedules batch traces: use one of {known}");
        }

        var request = gpuOptions.Read(parsed, trace, format, policyId, predictorId, lenient, output, quiet);
        if (report && request.Fill is not null)
        {
            throw new CommandLineFailureException(ExitCodes.Usage, "--report charts a schedule; a fill experiment (--fill) has none: its summary.json is its result");
        }

        var metrics = GpuSimulationRunner.Run(request, context);
        if (report && metrics is not null)
        {
            var path = ReportOptions.Write(request.OutputDirectory, window: null);
            if (!quiet)
            {
                context.Console.WriteLine($"wrote {path}");
            }
        }

        return metrics is not null && (metrics.NeverStarted > 0 || metrics.NeverFinished > 0) ? ExitCodes.Failure : ExitCodes.Ok;
    }

    public static string DefaultFolder(string traceName, string policyId, string? orderId, string? predictorId = null)
    {
        var name = $"{traceName}.{policyId.Replace('/', '-')}";
        if (orderId is not null && orderId != "order/fcfs")
        {
            name += "." + orderId.Replace('/', '-');
        }

        if (predictorId is not null)
        {
            name += "." + predictorId.Replace('/', '-');
        }

        return Path.Combine("runs", name);
    }

    /// <summary>Checks prediction ids before the trace is read, so a typo costs nothing.</summary>
    internal static void ValidatePrediction(string policyId, string? orderId, string? predictorId, string? correctorId)
    {
        if (predictorId is not null)
        {
            PredictorCatalogue.Catalogue.Find(predictorId);
        }

        if (correctorId is not null)
        {
            CorrectorCatalogue.Catalogue.Find(correctorId);
            if (EstimatorFactory.PredictorIdOf(policyId, predictorId) is null)
            {
                throw new CommandLineFailureException(ExitCodes.Usage, $"--corrector {correctorId} needs a predictor: add --predictor ID (or use backfill/easy++)");
            }
        }

        if (policyId == "backfill/easy++" && orderId is not null && orderId != "order/fcfs")
        {
            throw new CommandLineFailureException(ExitCodes.Usage, $"backfill/easy++ has its own orders (arrival for the queue's head, shortest predicted first for backfilling); --order {orderId} does not apply");
        }
    }

    internal static void Report(CliContext context, CompletedRun run)
    {
        var trace = run.Request.Trace;
        var console = context.Console;
        if (run.Result.Prediction is { } prediction)
        {
            console.WriteLine($"planned with {prediction.PredictorId}{(prediction.IsOracle ? " (ORACLE: given the true run times)" : string.Empty)}, corrected with {prediction.CorrectorId}");
        }

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
