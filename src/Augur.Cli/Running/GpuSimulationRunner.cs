using System.Diagnostics;
using System.Globalization;
using System.Text;
using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Time;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Prediction.Gpu;
using Augur.Reports.Gpu;
using Augur.Simulation.Gpu;
using Augur.Traces;
using Augur.Traces.Gpu;
using Spectre.Console;

namespace Augur.Cli.Running;

/// <summary>Reads a GPU trace, builds its cluster, runs one GPU simulation and writes summary.json and jobs.csv.</summary>
public static class GpuSimulationRunner
{
    public const string ClairvoyantId = GpuPredictorCatalogue.ClairvoyantId;

    /// <summary>Runs the request; returns its schedule metrics, or null for a fill experiment (which has no schedule).</summary>
    public static GpuScheduleMetrics? Run(GpuRunRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var policy = CreatePolicy(request);
        var placement = PlacementCatalogue.Create(request.PlacementId);
        var predictorId = request.PredictorId ?? (policy.NeedsPredictions ? ClairvoyantId : null);
        if (predictorId is not null)
        {
            CheckPredictor(predictorId);
        }

        var options = new GpuReadOptions { Lenient = request.Lenient };
        var (workload, cluster, description, history) = request.Format == OpenbReader.FormatId ? LoadOpenb(request, options) : LoadPhilly(request, options);
        CheckPowerModels(request, cluster);
        if (request.Fill is { } target)
        {
            return RunFill(request, context, workload, cluster, placement, description, target);
        }

        var learned = predictorId is null ? null : GpuPredictorCatalogue.Catalogue.Create(predictorId);
        using var disposeLearned = learned as IDisposable;
        var taught = learned is null ? null : GpuPredictorHistory.Teach(learned, history, workload.Jobs[0].Request.Submit);
        var simulator = Build(request, workload, cluster, policy, placement, predictorId, taught);
        var stopwatch = Stopwatch.StartNew();
        var result = simulator.Run();
        stopwatch.Stop();
        var metrics = GpuScheduleMetrics.Compute(result);
        var usage = GpuUsageMetrics.Compute(result);
        Write(request, description, result, metrics, usage);
        if (!request.Quiet)
        {
            Report(context, request, result, metrics, usage, stopwatch.Elapsed);
        }

        return metrics;
    }

    /// <summary>Refuses (exit 2) a predictor that GPU runs do not take, naming those they do.</summary>
    public static void CheckPredictor(string predictorId)
    {
        if (!GpuPredictorCatalogue.Catalogue.Contains(predictorId))
        {
            var known = string.Join(", ", GpuPredictorCatalogue.Catalogue.Entries.Select(e => e.Id));
            throw new CommandLineFailureException(ExitCodes.Usage, $"{predictorId} does not predict GPU jobs; GPU runs take {known}");
        }
    }

    /// <summary>The policy asked for; gpu/etf with its energy weight and gpu/tiresias with its promote knob when given.</summary>
    private static Core.Scheduling.Gpu.IGpuPolicy CreatePolicy(GpuRunRequest request)
    {
        if (request.EnergyWeight is { } weight)
        {
            return new EnergyTimeFairPolicy(weight);
        }

        if (request.PromoteKnob is not { } knob)
        {
            return GpuPolicyCatalogue.Create(request.PolicyId);
        }

        return request.PolicyId == "gpu/tiresias"
            ? new TiresiasPolicy(promoteKnob: knob)
            : throw new CommandLineFailureException(ExitCodes.Usage, $"--promote-knob is gpu/tiresias's starvation guard; {request.PolicyId} does not take it");
    }

    /// <summary>A run with the clairvoyant bound (the true run times, handed over on purpose), a learned predictor, or none.</summary>
    private static GpuSimulator Build(GpuRunRequest request, GpuWorkload workload, GpuClusterSpec cluster, Core.Scheduling.Gpu.IGpuPolicy policy, Core.Resources.IGpuPlacement placement, string? predictorId, Core.Prediction.IGpuPredictor? learned)
    {
        var options = new GpuSimulationOptions
        {
            SpreadSlowdown = request.SpreadSlowdown,
            Power = request.Power,
            FairnessWindow = request.FairnessWindowSeconds is { } seconds ? Duration.FromSeconds(seconds) : GpuSimulationOptions.DefaultFairnessWindow,
        };
        try
        {
            if (learned is not null)
            {
                return new GpuSimulator(workload, cluster, policy, placement, learned, options);
            }

            var truth = predictorId is null ? null : workload.Jobs.Select(j => j.RunTime.Microseconds).ToArray();
            return new GpuSimulator(workload, cluster, policy, placement, options, truth, predictorId, predictorIsOracle: predictorId == ClairvoyantId);
        }
        catch (ArgumentException exception)
        {
            throw new CommandLineFailureException(ExitCodes.Usage, $"{request.Trace}: {exception.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    private static (GpuWorkload Workload, GpuClusterSpec Cluster, GpuRunDescription Description, IReadOnlyList<GpuWorkloadJob> History) LoadPhilly(GpuRunRequest request, GpuReadOptions options)
    {
        var trace = PhillyReader.Read(request.Trace, options);
        var (history, workload) = SplitHistory(request, PhillyWorkload.From(trace));
        if (request.NodesFile is { } nodesFile)
        {
            return PhillyOnNodes(request, options, trace, workload, history, nodesFile);
        }

        if (request.Gpus is { } asked)
        {
            GpuClusterSizing.CheckSize(asked, $"--gpus {asked.ToString(CultureInfo.InvariantCulture)}");
        }

        var gpus = request.Gpus ?? GpuClusterSizing.GpusFor(workload, request.Load ?? throw new CommandLineFailureException(ExitCodes.Usage, $"{request.Trace}: give the cluster's size: --load X (offered load) or --gpus N"));
        var cluster = GpuClusterSpec.FromGpuCount(gpus, request.GpusPerNode);
        var invariant = CultureInfo.InvariantCulture;
        var settings = new Dictionary<string, string>
        {
            ["gpus"] = gpus.ToString(invariant),
            ["gpus_per_node"] = request.GpusPerNode.ToString(invariant),
            ["sized_by"] = request.Gpus is null ? "load" : "gpus",
            ["lenient"] = request.Lenient ? "true" : "false",
        };
        if (request.Gpus is null)
        {
            settings["load"] = request.Load!.Value.ToString("R", invariant);
        }

        AddHistory(request, settings);
        return (workload, cluster, new GpuRunDescription(request.Trace, request.Format, trace.Records.Count, trace.Skipped.Counts, new Dictionary<string, int>(), settings), history);
    }

    /// <summary>Philly on the machines of a nodes file (openb's format): GPU models and sizes as the file says.</summary>
    private static (GpuWorkload Workload, GpuClusterSpec Cluster, GpuRunDescription Description, IReadOnlyList<GpuWorkloadJob> History) PhillyOnNodes(
        GpuRunRequest request, GpuReadOptions options, GpuTrace<PhillyRecord> trace, GpuWorkload workload, IReadOnlyList<GpuWorkloadJob> history, string nodesFile)
    {
        if (request.Gpus is not null || request.Load is not null)
        {
            throw new CommandLineFailureException(ExitCodes.Usage, "give the cluster as --nodes FILE, --load X or --gpus N: one of them");
        }

        var nodes = OpenbReader.ReadNodes(nodesFile, options);
        var skipped = new Dictionary<string, int>(trace.Skipped.Counts);
        foreach (var (reason, count) in nodes.Skipped.Counts)
        {
            skipped["nodes: " + reason] = count;
        }

        var settings = new Dictionary<string, string> { ["nodes"] = nodesFile, ["sized_by"] = "nodes", ["lenient"] = request.Lenient ? "true" : "false" };
        AddHistory(request, settings);
        return (workload, OpenbWorkload.Cluster(nodes), new GpuRunDescription(request.Trace, request.Format, trace.Records.Count, skipped, new Dictionary<string, int>(), settings), history);
    }

    private static (GpuWorkload Workload, GpuClusterSpec Cluster, GpuRunDescription Description, IReadOnlyList<GpuWorkloadJob> History) LoadOpenb(GpuRunRequest request, GpuReadOptions options)
    {
        if (request.Gpus is not null || request.Load is not null)
        {
            throw new CommandLineFailureException(ExitCodes.Usage, "trace/alibaba-openb runs on its own nodes (--nodes FILE); --load and --gpus do not apply");
        }

        var nodesFile = request.NodesFile ?? SiblingNodesFile(request.Trace);
        var pods = OpenbReader.ReadPods(request.Trace, options);
        var nodes = OpenbReader.ReadNodes(nodesFile, options);
        var cluster = OpenbWorkload.Cluster(nodes);
        var leftOut = new SkippedRecords();

        // A pod that accepts only models the nodes lack could never start: refused here (exit 3) or, lenient, left out and counted.
        var runnable = OpenbWorkload.From(pods, leftOut, cluster, request.Lenient);
        if (runnable.Count == 0)
        {
            throw new CommandLineFailureException(ExitCodes.BadInput, $"{request.Trace}: no pod can run ({string.Join(", ", leftOut.Counts.Select(c => $"{c.Value} {c.Key}"))})");
        }

        var (history, workload) = SplitHistory(request, runnable);

        var skipped = new Dictionary<string, int>(pods.Skipped.Counts);
        foreach (var (reason, count) in nodes.Skipped.Counts)
        {
            skipped["nodes: " + reason] = count;
        }

        var settings = new Dictionary<string, string> { ["nodes"] = nodesFile, ["lenient"] = request.Lenient ? "true" : "false" };
        AddHistory(request, settings);
        return (workload, cluster, new GpuRunDescription(request.Trace, request.Format, pods.Records.Count, skipped, leftOut.Counts, settings), history);
    }

    /// <summary>
    /// --history-jobs N: the first N jobs, to teach the predictor, and the rest, to simulate (sized and run alone);
    /// none and the whole workload without the option. Exit 3 when no job would be left to simulate.
    /// </summary>
    private static (IReadOnlyList<GpuWorkloadJob> History, GpuWorkload Workload) SplitHistory(GpuRunRequest request, GpuWorkload workload)
    {
        if (request.HistoryJobs is not { } count)
        {
            return ([], workload);
        }

        return count < workload.Count
            ? workload.Split(count)
            : throw new CommandLineFailureException(ExitCodes.BadInput, $"{request.Trace}: --history-jobs {count} leaves no job to simulate; the trace has {workload.Count} jobs that can run");
    }

    private static void AddHistory(GpuRunRequest request, Dictionary<string, string> settings)
    {
        if (request.HistoryJobs is { } count)
        {
            settings["history_jobs"] = count.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The fill experiment: writes its summary.json and returns no schedule metrics (null).</summary>
    private static GpuScheduleMetrics? RunFill(GpuRunRequest request, CliContext context, GpuWorkload workload, GpuClusterSpec cluster, Core.Resources.IGpuPlacement placement, GpuRunDescription description, double target)
    {
        var result = GpuFillSimulation.Run(workload, cluster, placement, target);
        Directory.CreateDirectory(request.OutputDirectory);
        using (var summary = File.Create(Path.Combine(request.OutputDirectory, "summary.json")))
        {
            GpuFillSummaryWriter.Write(summary, description, result, CliContext.Version);
        }

        if (!request.Quiet)
        {
            var invariant = CultureInfo.InvariantCulture;
            context.Console.WriteLine(
                $"fill with {result.PlacementId} on {request.Trace}: {result.Placed} of {result.Arrived} jobs placed, {result.PlacedGpus.ToString("0.0", invariant)} of {result.AskedGpus.ToString("0.0", invariant)} GPUs asked "
                + $"({result.PlacedFraction.ToString("0.000", invariant)}); at the end {result.End.FreeGpus.ToString("0.0", invariant)} of {cluster.TotalGpus} GPUs free, {result.End.FragmentedGpus.ToString("0.0", invariant)} fragmented");
            context.Console.WriteLine($"wrote {request.OutputDirectory}/summary.json");
        }

        return null;
    }

    /// <summary>Refuses (exit 2) a --power override for a model the cluster does not have: most likely a typo.</summary>
    private static void CheckPowerModels(GpuRunRequest request, GpuClusterSpec cluster)
    {
        var models = cluster.Models.Order(StringComparer.Ordinal).ToArray();
        foreach (var model in request.Power.Overrides.Keys.Order(StringComparer.Ordinal))
        {
            if (!models.Contains(model, StringComparer.Ordinal))
            {
                throw new CommandLineFailureException(ExitCodes.Usage, $"--power {model}=...: the cluster has no {model} GPUs; its models are {string.Join(", ", models)}");
            }
        }
    }

    /// <summary>
    /// The nodes file beside a pods file: <c>X-pods.csv.gz</c> gives <c>X-gpu-nodes.csv.gz</c>; Alibaba's own
    /// <c>openb_pod_list_*.csv</c> give <c>openb_node_list_gpu_node.csv</c>, the GPU nodes all of them ran on.
    /// </summary>
    internal static string SiblingNodesFile(string podsFile)
    {
        var name = Path.GetFileName(podsFile);
        var folder = Path.GetDirectoryName(podsFile) ?? string.Empty;
        if (name.StartsWith("openb_pod_list", StringComparison.OrdinalIgnoreCase))
        {
            return Path.Combine(folder, name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? "openb_node_list_gpu_node.csv.gz" : "openb_node_list_gpu_node.csv");
        }

        var index = name.LastIndexOf("pods", StringComparison.Ordinal);
        if (index < 0)
        {
            throw new CommandLineFailureException(ExitCodes.Usage, $"{podsFile}: give the GPU nodes file with --nodes FILE");
        }

        return Path.Combine(folder, string.Concat(name.AsSpan(0, index), "gpu-nodes", name.AsSpan(index + 4)));
    }

    private static void Write(GpuRunRequest request, GpuRunDescription description, GpuSimulationResult result, GpuScheduleMetrics metrics, GpuUsageMetrics usage)
    {
        Directory.CreateDirectory(request.OutputDirectory);
        using (var summary = File.Create(Path.Combine(request.OutputDirectory, "summary.json")))
        {
            GpuSummaryWriter.Write(summary, description, result, metrics, CliContext.Version, usage);
        }

        using (var allocation = new StreamWriter(Path.Combine(request.OutputDirectory, "gpu_allocation.csv"), false, new UTF8Encoding(false)))
        {
            GpuAllocationCsvWriter.Write(allocation, result.Timeline);
        }

        using var jobs = new StreamWriter(Path.Combine(request.OutputDirectory, "jobs.csv"), false, new UTF8Encoding(false));
        GpuJobsCsvWriter.Write(jobs, result);
    }

    private static void Report(CliContext context, GpuRunRequest request, GpuSimulationResult result, GpuScheduleMetrics metrics, GpuUsageMetrics usage, TimeSpan elapsed)
    {
        var console = context.Console;
        var invariant = CultureInfo.InvariantCulture;
        if (result.PredictorId is { } predictor)
        {
            console.WriteLine($"planned with {predictor}{(result.PredictorIsOracle ? " (ORACLE: given the true run times; an upper bound, not a result)" : string.Empty)}");
        }

        console.WriteLine($"{result.PolicyId} with {result.PlacementId} on {request.Trace}: {result.Workload.Count} jobs on {result.Cluster.TotalGpus} GPUs ({result.Cluster.Nodes.Count} nodes), simulated in {elapsed.TotalSeconds.ToString("0.000", invariant)} s");
        if (metrics.NeverStarted > 0)
        {
            context.Error.WriteLine($"warning: {metrics.NeverStarted} jobs never started under {result.PolicyId}");
        }

        if (metrics.NeverFinished > 0)
        {
            context.Error.WriteLine($"warning: {metrics.NeverFinished} jobs were preempted and never resumed under {result.PolicyId}");
        }

        var table = new Table().Border(TableBorder.Simple);
        string[] columns = ["policy", "jct mean", "jct median", "jct p95", "jct p99", "delay mean", "delay p95", "GPU alloc", "slowed"];
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        table.AddRow(
            Markup.Escape(result.PolicyId),
            Seconds(metrics.JctMean),
            Seconds(metrics.JctMedian),
            Seconds(metrics.JctP95),
            Seconds(metrics.JctP99),
            Seconds(metrics.QueueingDelayMean),
            Seconds(metrics.QueueingDelayP95),
            metrics.GpuAllocation.ToString("0.000", invariant),
            metrics.SlowedBySpread.ToString(invariant));
        console.Write(table);
        console.WriteLine(
            $"energy {(usage.EnergyTotalJoules / 3.6e6).ToString("0.0", invariant)} kWh ({(usage.EnergyUnheldIdleJoules / 3.6e6).ToString("0.0", invariant)} idle); "
            + $"fragmented GPUs {usage.FragmentedGpusMean.ToString("0.00", invariant)} (mean); Jain's index across users: GPU time {usage.JainGpuTime.ToString("0.000", invariant)}, energy {usage.JainEnergy.ToString("0.000", invariant)}");
        var windowed = usage.Windowed;
        console.WriteLine(
            $"among users contending, mean over {windowed.Windows.ToString(invariant)} windows of {windowed.Window.WholeSeconds.ToString(invariant)} s: "
            + $"Jain's index of GPU time {Index(windowed.JainGpuTime)}, of energy {Index(windowed.JainEnergy)}");
        console.WriteLine($"wrote {request.OutputDirectory}/{{summary.json, jobs.csv, gpu_allocation.csv}}");

        static string Seconds(double value) => value.ToString("0", CultureInfo.InvariantCulture) + " s";
        static string Index(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "- (no window has one)";
    }
}
