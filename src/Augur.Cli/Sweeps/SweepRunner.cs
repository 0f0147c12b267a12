using System.Collections.Concurrent;
using System.Text.Json;
using Augur.Cli.Commands;
using Augur.Cli.Running;
using Augur.Policies.Gpu.Placement;
using Augur.Reports;
using Augur.Reports.Comparisons;
using Spectre.Console;

namespace Augur.Cli.Sweeps;

/// <summary>
/// Runs a sweep: every run of the product, on all cores, each in its own folder named by its key. A folder
/// holding a finished run with the same key (its <c>sweep-run.json</c>, written last) is not run again, so an
/// interrupted sweep resumes where it stopped. A failed run does not stop the others; it is listed at the end.
/// </summary>
public static class SweepRunner
{
    public const string MarkerFile = "sweep-run.json";

    public static SweepOutcome Run(SweepFile sweep, CliContext context, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(context);
        var plan = SweepPlan.Of(sweep);
        var pending = plan.Pending;
        var failures = new ConcurrentDictionary<int, string>();
        var finished = 0;
        void RunAll()
        {
            Parallel.ForEach(pending, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                try
                {
                    RunOne(plan, i, context);
                }
#pragma warning disable CA1031 // One failed run must not stop the sweep: it is reported with its reason.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    failures[i] = exception.Message;
                }

                Interlocked.Increment(ref finished);
            });
        }

        if (!quiet && !Console.IsErrorRedirected && pending.Count > 0)
        {
            context.ErrorConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(progress =>
                {
                    var bar = progress.AddTask($"sweep {Path.GetFileName(sweep.Path)}: {pending.Count} runs", maxValue: pending.Count);
                    var work = Task.Run(RunAll);
                    while (!work.Wait(TimeSpan.FromMilliseconds(200)))
                    {
                        bar.Value = Volatile.Read(ref finished);
                    }

                    bar.Value = pending.Count;
                });
        }
        else
        {
            RunAll();
        }

        return Gather(plan, failures);
    }

    /// <summary>
    /// The outcome of a plan whose runs have executed, wherever they did (here or as Slurm tasks): the summary
    /// of every run that did not fail, read from its folder, and the failures in product order.
    /// </summary>
    public static SweepOutcome Gather(SweepPlan plan, IReadOnlyDictionary<int, string> failures)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(failures);
        var summaries = new List<RunSummary>();
        for (var i = 0; i < plan.Runs.Count; i++)
        {
            if (!failures.ContainsKey(i))
            {
                summaries.Add(RunSummaryReader.Read(plan.Folders[i]));
            }
        }

        var failed = failures.OrderBy(pair => pair.Key).Select(pair => (plan.Runs[pair.Key], pair.Value)).ToList();
        return new SweepOutcome(plan.Runs.Count, plan.Runs.Count - plan.Pending.Count, failed, summaries);
    }

    /// <summary>Runs <paramref name="index"/> of the plan into its folder and marks it finished.</summary>
    public static void RunOne(SweepPlan plan, int index, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(plan);
        RunOne(plan.Sweep, plan.Runs[index], plan.Folders[index], plan.Keys[index], context);
    }

    private static void RunOne(SweepFile sweep, SweepRun run, string folder, string key, CliContext context)
    {
        if (run.IsGpu)
        {
            // The GPU run of augur simulate with these options, not a copy of it.
            GpuSimulationRunner.Run(GpuSweepRequest.Of(sweep, run, folder), context);
        }
        else
        {
            RunBatch(sweep, run, folder, context);
        }

        WriteMarker(run, folder, key);
    }

    private static void RunBatch(SweepFile sweep, SweepRun run, string folder, CliContext context)
    {
        var selection = new TraceSelection
        {
            Trace = run.Trace,
            Processors = sweep.Processors,
            Filter = sweep.Filter,
            Lenient = sweep.Lenient,
            Jobs = sweep.Jobs,
            Seed = run.Seed,
        };
        var trace = TraceLoader.Load(selection);
        var request = new RunRequest(trace, run.Policy, run.Order, folder, Quiet: true) { PredictorId = run.Predictor, CorrectorId = run.Corrector };
        SimulationRunner.Run(request, context);
    }

    /// <summary>Written last: a folder with this marker and its key holds a finished run.</summary>
    private static void WriteMarker(SweepRun run, string folder, string key)
    {
        using var marker = File.Create(Path.Combine(folder, MarkerFile));
        using var json = JsonOutput.CreateWriter(marker);
        json.WriteStartObject();
        json.WriteString("key", key);
        json.WriteString("trace", run.Trace);
        json.WriteString("policy", run.Policy);
        if (run.IsGpu)
        {
            json.WriteString("placement", run.Placement ?? PlacementCatalogue.DefaultId);
            if (run.Load is { } load)
            {
                json.WriteNumber("load", load);
            }

            json.WriteString("predictor", run.Predictor ?? "none");
        }
        else
        {
            json.WriteString("order", run.Order ?? "order/fcfs");
            json.WriteString("predictor", run.Predictor ?? "none");
            json.WriteNumber("seed", run.Seed);
        }

        json.WriteEndObject();
    }

    internal static bool IsFinished(string folder, string key)
    {
        var marker = Path.Combine(folder, MarkerFile);
        if (!File.Exists(marker) || !File.Exists(Path.Combine(folder, "summary.json")))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(marker));
            return document.RootElement.TryGetProperty("key", out var recorded) && recorded.GetString() == key;
        }
        catch (JsonException)
        {
            // A marker cut short by a crash: run again.
            return false;
        }
    }

    /// <summary>A GPU run's folder: the name augur simulate gives it by default (every option that changes the schedule) and its key.</summary>
    internal static string GpuFolderName(GpuRunRequest request, IReadOnlyList<string> power, string key) =>
        GpuSimulateOptions.FolderName(request, power) + "." + key[..12];

    internal static string FolderName(SweepRun run, string key)
    {
        var name = $"{TraceLoader.NameOf(run.Trace)}.{run.Policy}{(run.Order is null ? string.Empty : "." + run.Order)}{(run.Predictor is null ? string.Empty : "." + run.Predictor)}.seed{run.Seed}";
        return name.Replace('/', '-') + "." + key[..12];
    }
}
