using System.Diagnostics;
using System.Globalization;
using System.Text;
using Augur.Core.Clusters;
using Augur.Core.Jobs;
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

    public static GpuScheduleMetrics Run(GpuRunRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var policy = CreatePolicy(request);
        var placement = PlacementCatalogue.Create(request.PlacementId);
        var predictorId = request.PredictorId ?? (policy.NeedsPredictions ? ClairvoyantId : null);
        if (predictorId is not null && !GpuPredictorCatalogue.Catalogue.Contains(predictorId))
        {
            var known = string.Join(", ", GpuPredictorCatalogue.Catalogue.Entries.Select(e => e.Id));
            throw new CommandLineFailureException(ExitCodes.Usage, $"{predictorId} does not predict GPU jobs; GPU runs take {known}");
        }

        var options = new GpuReadOptions { Lenient = request.Lenient };
        var (workload, cluster, description) = request.Format == OpenbReader.FormatId ? LoadOpenb(request, options) : LoadPhilly(request, options);
        var learned = predictorId is null ? null : GpuPredictorCatalogue.Catalogue.Create(predictorId);
        using var disposeLearned = learned as IDisposable;
        var simulator = Build(request, workload, cluster, policy, placement, predictorId, learned);
        var stopwatch = Stopwatch.StartNew();
        var result = simulator.Run();
        stopwatch.Stop();
        var metrics = GpuScheduleMetrics.Compute(result);
        Write(request, description, result, metrics);
        if (!request.Quiet)
        {
            Report(context, request, result, metrics, stopwatch.Elapsed);
        }

        return metrics;
    }

    /// <summary>The policy asked for; gpu/tiresias with the promote knob when one was given.</summary>
    private static Core.Scheduling.Gpu.IGpuPolicy CreatePolicy(GpuRunRequest request)
    {
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
        var options = new GpuSimulationOptions { SpreadSlowdown = request.SpreadSlowdown };
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

    private static (GpuWorkload Workload, GpuClusterSpec Cluster, GpuRunDescription Description) LoadPhilly(GpuRunRequest request, GpuReadOptions options)
    {
        var trace = PhillyReader.Read(request.Trace, options);
        var workload = PhillyWorkload.From(trace);
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

        return (workload, cluster, new GpuRunDescription(request.Trace, request.Format, trace.Records.Count, trace.Skipped.Counts, new Dictionary<string, int>(), settings));
    }

    private static (GpuWorkload Workload, GpuClusterSpec Cluster, GpuRunDescription Description) LoadOpenb(GpuRunRequest request, GpuReadOptions options)
    {
        if (request.Gpus is not null || request.Load is not null)
        {
            throw new CommandLineFailureException(ExitCodes.Usage, "trace/alibaba-openb runs on its own nodes (--nodes FILE); --load and --gpus do not apply");
        }

        var nodesFile = request.NodesFile ?? SiblingNodesFile(request.Trace);
        var pods = OpenbReader.ReadPods(request.Trace, options);
        var nodes = OpenbReader.ReadNodes(nodesFile, options);
        var leftOut = new SkippedRecords();
        var workload = OpenbWorkload.From(pods, leftOut);
        if (workload.Count == 0)
        {
            throw new CommandLineFailureException(ExitCodes.BadInput, $"{request.Trace}: no pod ever ran ({leftOut.Total} pending)");
        }

        var skipped = new Dictionary<string, int>(pods.Skipped.Counts);
        foreach (var (reason, count) in nodes.Skipped.Counts)
        {
            skipped["nodes: " + reason] = count;
        }

        var settings = new Dictionary<string, string> { ["nodes"] = nodesFile, ["lenient"] = request.Lenient ? "true" : "false" };
        return (workload, OpenbWorkload.Cluster(nodes), new GpuRunDescription(request.Trace, request.Format, pods.Records.Count, skipped, leftOut.Counts, settings));
    }

    /// <summary>The nodes file beside a pods file: <c>X-pods.csv.gz</c> gives <c>X-gpu-nodes.csv.gz</c>.</summary>
    private static string SiblingNodesFile(string podsFile)
    {
        var name = Path.GetFileName(podsFile);
        var index = name.LastIndexOf("pods", StringComparison.Ordinal);
        if (index < 0)
        {
            throw new CommandLineFailureException(ExitCodes.Usage, $"{podsFile}: give the GPU nodes file with --nodes FILE");
        }

        return Path.Combine(Path.GetDirectoryName(podsFile) ?? string.Empty, string.Concat(name.AsSpan(0, index), "gpu-nodes", name.AsSpan(index + 4)));
    }

    private static void Write(GpuRunRequest request, GpuRunDescription description, GpuSimulationResult result, GpuScheduleMetrics metrics)
    {
        Directory.CreateDirectory(request.OutputDirectory);
        using (var summary = File.Create(Path.Combine(request.OutputDirectory, "summary.json")))
        {
            GpuSummaryWriter.Write(summary, description, result, metrics, CliContext.Version);
        }

        using var jobs = new StreamWriter(Path.Combine(request.OutputDirectory, "jobs.csv"), false, new UTF8Encoding(false));
        GpuJobsCsvWriter.Write(jobs, result);
    }

    private static void Report(CliContext context, GpuRunRequest request, GpuSimulationResult result, GpuScheduleMetrics metrics, TimeSpan elapsed)
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
        console.WriteLine($"wrote {request.OutputDirectory}/{{summary.json, jobs.csv}}");

        static string Seconds(double value) => value.ToString("0", CultureInfo.InvariantCulture) + " s";
    }
}
