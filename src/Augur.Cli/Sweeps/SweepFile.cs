namespace Augur.Cli.Sweeps;

/// <summary>A sweep as its YAML file describes it (docs/sweep.md); <see cref="Runs"/> expands the product.</summary>
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

    /// <summary>Where run folders go; relative paths are relative to the current directory.</summary>
    public required string Output { get; init; }

    /// <summary>Every run, in file order: traces, then policies, orders, predictors, seeds (the last varies fastest).</summary>
    public IReadOnlyList<SweepRun> Runs()
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
