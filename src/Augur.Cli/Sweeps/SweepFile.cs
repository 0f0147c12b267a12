namespace Augur.Cli.Sweeps;

/// <summary>
/// A sweep as its YAML file describes it (docs/sweep.md); <see cref="Runs"/> expands the product. A sweep is all
/// batch (SWF, GAIA, synthetic traces) or all GPU (<see cref="Gpu"/> set: GPU traces under <c>gpu/</c> policies).
/// </summary>
public sealed record SweepFile
{
    public required string Path { get; init; }

    public required IReadOnlyList<string> Traces { get; init; }

    public required IReadOnlyList<string> Policies { get; init; }

    /// <summary>Queue orders; a single null means "the policy's default".</summary>
    public IReadOnlyList<string?> Orders { get; init; } = [null];

    /// <summary>Predictors; null means "requested times" (written <c>none</c>).</summary>
    public IReadOnlyList<string?> Predictors { get; init; } = [null];

    public string? Corrector { get; init; }

    public IReadOnlyList<int> Seeds { get; init; } = [1];

    public string Filter { get; init; } = "default";

    public int? Processors { get; init; }

    public int Jobs { get; init; } = 10_000;

    public bool Lenient { get; init; }

    /// <summary>The fixed options of a GPU sweep; null for a batch sweep.</summary>
    public GpuSweepOptions? Gpu { get; init; }

    public bool IsGpu => Gpu is not null;

    /// <summary>GPU sweeps: offered loads; a single null means "no load" (a cluster of fixed size or a nodes file).</summary>
    public IReadOnlyList<double?> Loads { get; init; } = [null];

    /// <summary>GPU sweeps: placements; a single null means the default, <c>place/consolidate</c>.</summary>
    public IReadOnlyList<string?> Placements { get; init; } = [null];

    /// <summary>Where run folders go; relative paths are relative to the current directory.</summary>
    public required string Output { get; init; }

    /// <summary>
    /// Every run, in file order, the last varying fastest: traces, then policies, orders, predictors, seeds (batch),
    /// or traces, then loads, policies, placements, predictors (GPU).
    /// </summary>
    public IReadOnlyList<SweepRun> Runs() => IsGpu ? GpuRuns() : BatchRuns();

    private List<SweepRun> GpuRuns()
    {
        var runs = new List<SweepRun>();
        foreach (var trace in Traces)
        {
            foreach (var load in Loads)
            {
                foreach (var policy in Policies)
                {
                    foreach (var placement in Placements)
                    {
                        foreach (var predictor in Predictors)
                        {
                            runs.Add(new SweepRun(trace, policy, null, predictor, null, 1) { IsGpu = true, Load = load, Placement = placement });
                        }
                    }
                }
            }
        }

        return runs;
    }

    private List<SweepRun> BatchRuns()
    {
        var runs = new List<SweepRun>();
        foreach (var trace in Traces)
        {
            foreach (var policy in Policies)
            {
                foreach (var order in Orders)
                {
                    foreach (var predictor in Predictors)
                    {
                        foreach (var seed in Seeds)
                        {
                            runs.Add(new SweepRun(trace, policy, order, predictor, predictor is null ? null : Corrector, seed));
                        }
                    }
                }
            }
        }

        return runs;
    }
}
