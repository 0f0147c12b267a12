using System.Globalization;
using Augur.Cli.Running;
using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Prediction.Gpu;
using Augur.PredictionBound;
using Augur.Simulation.Gpu;
using Augur.Traces;
using Augur.Traces.Gpu;

// How close can QSSF with predicted run times come to QSSF with the true ones on a Philly-format trace? Runs
// gpu/qssf (place/consolidate, the defaults of `augur simulate`) at each load with: the truth (the oracle), the
// truth with a known multiplicative error, estimates that see the whole trace (hindsight: no scheduler has
// them), and the learned predictors. Usage: TRACE [LOAD ...] (default 0.8 1.2). docs/results-gpu.md has a run.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Augur.PredictionBound PHILLY_TRACE.csv[.gz] [LOAD ...]");
    return 2;
}

var invariant = CultureInfo.InvariantCulture;
var loads = args.Length > 1 ? new double[args.Length - 1] : [0.8, 1.2];
for (var i = 1; i < args.Length; i++)
{
    if (!double.TryParse(args[i], NumberStyles.AllowDecimalPoint, invariant, out loads[i - 1]) || !(loads[i - 1] > 0) || double.IsInfinity(loads[i - 1]))
    {
        Console.Error.WriteLine($"error: a load must be a number above 0, not '{args[i]}'");
        return 2;
    }
}

GpuWorkload workload;
try
{
    workload = PhillyWorkload.From(PhillyReader.Read(args[0]));
}
catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or TraceFormatException)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 3;
}

var truth = workload.Jobs.Select(job => job.RunTime.Microseconds).ToArray();
var fixedEstimates = new List<(string Name, long[] Estimates)>
{
    ("clairvoyant (ORACLE)", truth),
    ("truth x e^(0.25 Z)", HindsightEstimates.NoisyTruth(workload, 0.25, seed: 1)),
    ("truth x e^(0.5 Z)", HindsightEstimates.NoisyTruth(workload, 0.5, seed: 1)),
    ("truth x e^(1 Z)", HindsightEstimates.NoisyTruth(workload, 1, seed: 1)),
    ("hindsight: 5 nearest submissions of group and shape", HindsightEstimates.NearestSubmissions(workload, 5)),
    ("hindsight: 1 nearest submission of group and shape", HindsightEstimates.NearestSubmissions(workload, 1)),
    ("hindsight: group-and-shape mean of the whole trace", HindsightEstimates.GroupMean(workload)),
};

Console.WriteLine($"{workload.Count} jobs from {args[0]}; gpu/qssf, place/consolidate, 8 GPUs per node");
Console.WriteLine();
Console.WriteLine("| load | GPUs | predictions | JCT mean (s) | JCT median (s) | mean / oracle | median abs log error | within 2x |");
Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|");
foreach (var load in loads)
{
    var gpus = GpuClusterSizing.GpusFor(workload, load);
    var cluster = GpuClusterSpec.FromGpuCount(gpus);
    double? oracleMean = null;
    foreach (var (name, estimates) in fixedEstimates)
    {
        var simulator = new GpuSimulator(workload, cluster, new QuasiShortestServiceFirstPolicy(), PlacementCatalogue.Create("place/consolidate"), predictions: estimates, predictorId: name, predictorIsOracle: ReferenceEquals(estimates, truth));
        var mean = Print(load, gpus, name, simulator.Run(), estimates, oracleMean);
        oracleMean ??= mean;
    }

    foreach (var id in new[] { "predictor/group-mean", "predictor/helios" })
    {
        var learned = GpuPredictorCatalogue.Catalogue.Create(id)!;
        using var disposeLearned = learned as IDisposable;
        var recording = new RecordingPredictor(learned, workload.Count);
        var simulator = new GpuSimulator(workload, cluster, new QuasiShortestServiceFirstPolicy(), PlacementCatalogue.Create("place/consolidate"), recording);
        Print(load, gpus, $"learned: {id}", simulator.Run(), recording.Predictions, oracleMean);
    }
}

return 0;

double Print(double load, int gpus, string name, GpuSimulationResult result, long[] estimates, double? oracleMean)
{
    var metrics = GpuScheduleMetrics.Compute(result);
    var errors = new double[truth.Length];
    var withinTwice = 0;
    for (var job = 0; job < truth.Length; job++)
    {
        // Seconds plus one on both sides, so that jobs of a few seconds do not dominate the error.
        errors[job] = Math.Abs(Math.Log((1 + (estimates[job] / 1e6)) / (1 + (truth[job] / 1e6))));
        withinTwice += errors[job] <= Math.Log(2) ? 1 : 0;
    }

    Array.Sort(errors);
    var ratio = oracleMean is { } oracle ? (metrics.JctMean / oracle).ToString("0.00", invariant) : "1.00";
    Console.WriteLine(string.Create(invariant, $"| {load} | {gpus} | {name} | {metrics.JctMean:N0} | {metrics.JctMedian:N0} | {ratio} | {errors[errors.Length / 2]:0.00} | {100.0 * withinTwice / truth.Length:0.0} % |"));
    return metrics.JctMean;
}
