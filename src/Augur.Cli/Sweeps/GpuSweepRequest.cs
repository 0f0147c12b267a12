using Augur.Cli.Running;
using Augur.Policies.Gpu.Placement;
using Augur.Traces.Gpu;

namespace Augur.Cli.Sweeps;

/// <summary>
/// The <c>augur simulate</c> request of a GPU sweep run: the same <see cref="GpuRunRequest"/> that the command
/// line builds from its options, so that a sweep run and the simulate run with those options are one run.
/// </summary>
public static class GpuSweepRequest
{
    public const string TiresiasId = "gpu/tiresias";

    public const string EnergyTimeFairId = "gpu/etf";

    /// <summary>The request for <paramref name="run"/>, writing into <paramref name="outputDirectory"/>.</summary>
    public static GpuRunRequest Of(SweepFile sweep, SweepRun run, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(run);
        var options = sweep.Gpu ?? throw new ArgumentException($"{sweep.Path} is a batch sweep", nameof(sweep));
        return new GpuRunRequest
        {
            Trace = run.Trace,
            Format = GpuTraceFormat.Detect(run.Trace, explicitFormat: null) ?? throw new ArgumentException($"{run.Trace} is not a GPU trace", nameof(run)),
            PolicyId = run.Policy,
            PlacementId = run.Placement ?? PlacementCatalogue.DefaultId,
            PredictorId = run.Predictor,
            Load = run.Load,
            Gpus = options.Gpus,
            GpusPerNode = options.GpusPerNode,
            SpreadSlowdown = options.SpreadSlowdown,

            // As on the command line, where the knob and the weight are refused for other policies: a sweep gives
            // them only to the runs of the policy that takes them.
            PromoteKnob = run.Policy == TiresiasId ? options.PromoteKnob : null,
            EnergyWeight = run.Policy == EnergyTimeFairId ? options.EnergyWeight : null,
            Power = GpuPowerOption.Parse(options.Power),
            Lenient = sweep.Lenient,
            NodesFile = options.NodesFile,
            OutputDirectory = outputDirectory,
            Quiet = true,
        };
    }

    /// <summary>The nodes file the run reads: the one given, or an openb trace's sibling; null for a Philly trace on a sized cluster.</summary>
    public static string? NodesFileOf(GpuRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.NodesFile ?? (request.Format == OpenbReader.FormatId ? GpuSimulationRunner.SiblingNodesFile(request.Trace) : null);
    }
}
