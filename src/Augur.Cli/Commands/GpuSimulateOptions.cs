using System.CommandLine;
using System.Globalization;
using System.Text;
using Augur.Cli.Running;
using Augur.Policies.Gpu.Placement;
using Augur.Simulation.Gpu;

namespace Augur.Cli.Commands;

/// <summary>The options of <c>augur simulate</c> that only GPU traces take.</summary>
public sealed class GpuSimulateOptions
{
    private const int DefaultGpusPerNode = 8;

    public Option<string?> Format { get; } = new("--format") { Description = "the reader: trace/philly-pollux, trace/alibaba-openb (GPU) or trace/gaia (CPU jobs; default: recognised by the file name)" };

    public Option<string?> Load { get; } = new("--load") { Description = "GPU traces: size the cluster so that GPU-seconds asked / (GPUs x submission span) = X" };

    public Option<int?> Gpus { get; } = WholeNumberOption.CreateOptional("--gpus", "GPU traces: a cluster of N GPUs", minimum: 1);

    public Option<int> GpusPerNode { get; } = WholeNumberOption.Create("--gpus-per-node", "GPU traces sized by --load or --gpus: GPUs per node", DefaultGpusPerNode, minimum: 1);

    public Option<string> Placement { get; } = new("--placement") { Description = "GPU traces: the placement policy (place/consolidate, place/best-fit, place/spread, place/fragmentation)", DefaultValueFactory = _ => PlacementCatalogue.DefaultId };

    public Option<string?> SpreadSlowdown { get; } = new("--spread-slowdown") { Description = "GPU traces: how many times slower a gang runs when spread over more nodes than it needs (default 1.25)" };

    public Option<string?> PromoteKnob { get; } = new("--promote-knob") { Description = "gpu/tiresias: starvation guard, promote a preempted job to the first queue once it has waited X times its executed time (default 0: off)" };

    public Option<string[]> Power { get; } = new("--power") { Description = "GPU traces: watts of one GPU of a model, MODEL=IDLE:MAX (repeatable; defaults: vendor TDPs, idle a fifth of it)" };

    public Option<string?> EnergyWeight { get; } = new("--energy-weight") { Description = "gpu/etf: weight of energy against GPU time in a user's charge, 0 (time-fair) to 1 (energy-fair); default 0.5" };

    public Option<int?> FairnessWindow { get; } = WholeNumberOption.CreateOptional("--fairness-window", "GPU traces: the length in seconds of the windows in which Jain's indices among contending users are taken (default 3600)", minimum: 1);

    public Option<string?> Fill { get; } = new("--fill") { Description = "GPU traces: the fill experiment instead of a schedule: jobs arrive in order and never leave until X times the cluster's GPUs were asked (Weng et al., ATC'23)" };

    public Option<string?> Nodes { get; } = new("--nodes") { Description = "the GPU nodes file, in openb's format (trace/alibaba-openb: default the pods file's gpu-nodes sibling; trace/philly-pollux: instead of --load or --gpus)" };

    public Option<int?> HistoryJobs { get; } = WholeNumberOption.CreateOptional("--history-jobs", "GPU traces: the first N jobs (by submission) are the site's history: the predictor learns their run times before the run, and they are not simulated", minimum: 1);

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Format);
        command.Add(Load);
        command.Add(Gpus);
        command.Add(GpusPerNode);
        command.Add(Placement);
        command.Add(SpreadSlowdown);
        command.Add(PromoteKnob);
        command.Add(Nodes);
        command.Add(Power);
        command.Add(EnergyWeight);
        command.Add(FairnessWindow);
        command.Add(Fill);
        command.Add(HistoryJobs);
    }

    /// <summary>Reads the GPU options; checks ids and numbers before any trace is read.</summary>
    public GpuRunRequest Read(ParseResult parsed, string trace, string format, string policyId, string? predictorId, bool lenient, string? output, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var placementId = parsed.GetRequiredValue(Placement);
        PlacementCatalogue.Catalogue.Find(placementId);
        var load = Positive(parsed.GetValue(Load), "--load", minimum: 0, inclusive: false);
        var gpus = parsed.GetValue(Gpus);
        if (load is not null && gpus is not null)
        {
            throw new CommandLineFailureException(ExitCodes.Usage, "give --load X or --gpus N, not both");
        }

        var power = GpuPowerOption.Parse(parsed.GetValue(Power));
        var energyWeight = Positive(parsed.GetValue(EnergyWeight), "--energy-weight", minimum: 0, inclusive: true);
        if (energyWeight is not null && (energyWeight > 1 || policyId != "gpu/etf"))
        {
            throw new CommandLineFailureException(ExitCodes.Usage, energyWeight > 1 ? $"--energy-weight must be a number from 0 to 1, not '{parsed.GetValue(EnergyWeight)}'" : $"--energy-weight applies to gpu/etf, not {policyId}");
        }

        var slowdown = Positive(parsed.GetValue(SpreadSlowdown), "--spread-slowdown", minimum: 1, inclusive: true) ?? GpuSimulationOptions.DefaultSpreadSlowdown;
        var promoteKnob = Positive(parsed.GetValue(PromoteKnob), "--promote-knob", minimum: 0, inclusive: true);
        var fill = Positive(parsed.GetValue(Fill), "--fill", minimum: 0, inclusive: false);
        var fairnessWindow = parsed.GetValue(FairnessWindow);
        if (fairnessWindow is not null && fill is not null)
        {
            throw new CommandLineFailureException(ExitCodes.Usage, "--fairness-window measures a schedule; a fill experiment (--fill) has none");
        }

        var historyJobs = parsed.GetValue(HistoryJobs);
        if (historyJobs is not null && fill is not null)
        {
            throw new CommandLineFailureException(ExitCodes.Usage, "--history-jobs teaches a predictor before a schedule; the fill experiment (--fill) has neither");
        }

        var request = new GpuRunRequest
        {
            Trace = trace,
            Format = format,
            PolicyId = policyId,
            PlacementId = placementId,
            PredictorId = predictorId,
            Load = load,
            Gpus = gpus,
            GpusPerNode = parsed.GetValue(GpusPerNode),
            SpreadSlowdown = slowdown,
            PromoteKnob = promoteKnob,
            Power = power,
            EnergyWeight = energyWeight,
            Fill = fill,
            FairnessWindowSeconds = fairnessWindow,
            Lenient = lenient,
            HistoryJobs = historyJobs,
            NodesFile = parsed.GetValue(Nodes),
            OutputDirectory = output ?? string.Empty,
            Quiet = quiet,
        };
        return output is null ? request with { OutputDirectory = Path.Combine("runs", FolderName(request, parsed.GetValue(Power))) } : request;
    }

    /// <summary>
    /// NAME.POLICY[.loadX|.gpusN][.gpus-per-nodeN][.nodes-FILE][.fillX.PLACEMENT|.PLACEMENT][.slowdownX][.knobX][.wW]
    /// [.historyN][.power-MODEL-IDLE-MAX...][.fairness-windowS][.PREDICTOR]:
    /// every option that changes the schedule and was given is in the name, so two such runs never share a folder;
    /// so is a fairness window other than the default, which changes the summary. A run without them keeps the
    /// short name. The predictor comes last, as in batch runs' folders. Simulate's default folder is runs/ this
    /// name; a GPU sweep run's folder is this name and its key.
    /// </summary>
    internal static string FolderName(GpuRunRequest request, IReadOnlyList<string>? power)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = TraceLoader.NameOf(request.Trace);
        name = name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        var folder = new StringBuilder($"{name}.{request.PolicyId.Replace('/', '-')}");
        folder.Append(request.Load is { } load ? $".load{Number(load)}" : request.Gpus is { } gpus ? $".gpus{gpus}" : string.Empty);
        var sized = request.Load is not null || request.Gpus is not null;
        folder.Append(sized && request.GpusPerNode != DefaultGpusPerNode ? $".gpus-per-node{request.GpusPerNode}" : string.Empty);
        folder.Append(request.NodesFile is { } nodes ? ".nodes-" + NodesFileName(nodes) : string.Empty);
        folder.Append(request.Fill is { } fill ? $".fill{Number(fill)}" : string.Empty);
        folder.Append(request.Fill is not null || request.PlacementId != PlacementCatalogue.DefaultId ? "." + request.PlacementId.Replace('/', '-') : string.Empty);
        folder.Append(request.SpreadSlowdown != GpuSimulationOptions.DefaultSpreadSlowdown ? $".slowdown{Number(request.SpreadSlowdown)}" : string.Empty);
        folder.Append(request.PromoteKnob is { } knob ? $".knob{Number(knob)}" : string.Empty);
        folder.Append(request.EnergyWeight is { } weight ? $".w{Number(weight)}" : string.Empty);
        folder.Append(request.HistoryJobs is { } history ? $".history{history}" : string.Empty);
        if (power is { Count: > 0 })
        {
            // Sorted, so the same overrides given in another order name the same folder.
            var overrides = power.ToArray();
            Array.Sort(overrides, StringComparer.Ordinal);
            folder.Append(".power");
            foreach (var value in overrides)
            {
                folder.Append('-').Append(value.Replace('=', '-').Replace(':', '-'));
            }
        }

        var window = request.FairnessWindowSeconds;
        folder.Append(window is { } seconds && seconds != GpuSimulationOptions.DefaultFairnessWindow.WholeSeconds ? $".fairness-window{seconds}" : string.Empty);
        folder.Append(request.PredictorId is { } predictor ? "." + predictor.Replace('/', '-') : string.Empty);
        return folder.ToString();
    }

    // The file's name without folders and without .csv/.gz, so that two node lists never share a run folder.
    private static string NodesFileName(string path)
    {
        var name = Path.GetFileName(path);
        name = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
        return name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double? Positive(string? text, string name, double minimum, bool inclusive)
    {
        if (text is null)
        {
            return null;
        }

        return TryNumber(text, minimum, inclusive, out var value)
            ? value
            : throw new CommandLineFailureException(ExitCodes.Usage, $"{name} must be a number {Bound(minimum, inclusive)}, not '{text}'");
    }

    /// <summary>The numbers the GPU options take: plain decimals (no sign, no exponent), finite, past the bound. Sweep files read theirs alike.</summary>
    internal static bool TryNumber(string text, double minimum, bool inclusive, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && (inclusive ? value >= minimum : value > minimum);

    internal static string Bound(double minimum, bool inclusive) =>
        (inclusive ? "at least " : "above ") + minimum.ToString(CultureInfo.InvariantCulture);
}
