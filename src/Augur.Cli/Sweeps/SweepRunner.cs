using System.Collections.Concurrent;
using System.Text.Json;
using Augur.Cli.Running;
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
        var runs = sweep.Runs();
        var digests = sweep.Traces.Distinct(StringComparer.Ordinal).ToDictionary(trace => trace, SweepRunKey.DigestOf, StringComparer.Ordinal);
        var folders = new string[runs.Count];
        var resumed = new bool[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            var key = SweepRunKey.Of(sweep, runs[i], digests[runs[i].Trace]);
            folders[i] = Path.Combine(sweep.Output, FolderName(runs[i], key));
            resumed[i] = IsFinished(folders[i], key);
        }

        var failures = new ConcurrentDictionary<int, string>();
        var pending = Enumerable.Range(0, runs.Count).Where(i => !resumed[i]).ToList();
        var finished = 0;
        void RunAll()
        {
            Parallel.ForEach(pending, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                try
                {
                    RunOne(sweep, runs[i], folders[i], SweepRunKey.Of(sweep, runs[i], digests[runs[i].Trace]), context);
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

        var summaries = new List<RunSummary>();
        for (var i = 0; i < runs.Count; i++)
        {
            if (!failures.ContainsKey(i))
            {
                summaries.Add(RunSummaryReader.Read(folders[i]));
            }
        }

        var failed = failures.OrderBy(pair => pair.Key).Select(pair => (runs[pair.Key], pair.Value)).ToList();
        return new SweepOutcome(runs.Count, runs.Count - pending.Count, failed, summaries);
    }

    private static void RunOne(SweepFile sweep, SweepRun run, string folder, string key, CliContext context)
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
        using var marker = File.Create(Path.Combine(folder, MarkerFile));
        using var json = JsonOutput.CreateWriter(marker);
        json.WriteStartObject();
        json.WriteString("key", key);
        json.WriteString("trace", run.Trace);
        json.WriteString("policy", run.Policy);
        json.WriteString("order", run.Order ?? "order/fcfs");
        json.WriteString("predictor", run.Predictor ?? "none");
        json.WriteNumber("seed", run.Seed);
        json.WriteEndObject();
    }

    private static bool IsFinished(string folder, string key)
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

    private static string FolderName(SweepRun run, string key)
    {
        var name = $"{TraceLoader.NameOf(run.Trace)}.{run.Policy}{(run.Order is null ? string.Empty : "." + run.Order)}{(run.Predictor is null ? string.Empty : "." + run.Predictor)}.seed{run.Seed}";
        return name.Replace('/', '-') + "." + key[..12];
    }
}
