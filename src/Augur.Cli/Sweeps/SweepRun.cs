using System.Globalization;

namespace Augur.Cli.Sweeps;

/// <summary>
/// One simulation of a sweep: a point of the product of its traces, policies, orders, predictors and seeds (a
/// batch run), or of its traces, loads, policies, placements and predictors (a GPU run, <see cref="IsGpu"/>).
/// </summary>
public sealed record SweepRun(string Trace, string Policy, string? Order, string? Predictor, string? Corrector, int Seed)
{
    /// <summary>A GPU run: its trace is a GPU trace and its policy a <c>gpu/</c> one; it has no order, corrector or seed.</summary>
    public bool IsGpu { get; init; }

    /// <summary>A GPU run's offered load (the cluster is sized for it); null when the cluster is fixed.</summary>
    public double? Load { get; init; }

    /// <summary>A GPU run's placement; null means the default, <c>place/consolidate</c>.</summary>
    public string? Placement { get; init; }

    /// <summary>A readable name for listings: trace, policy, order or placement and load, predictor, and a batch run's seed.</summary>
    public string Describe()
    {
        var name = $"{Path.GetFileName(Trace)} {Policy}";
        return IsGpu
            ? name + Optional(Placement) + (Load is { } load ? " load " + load.ToString("R", CultureInfo.InvariantCulture) : string.Empty) + Optional(Predictor)
            : name + Optional(Order) + Optional(Predictor) + Optional(Corrector) + " seed " + Seed.ToString(CultureInfo.InvariantCulture);

        static string Optional(string? id) => id is null ? string.Empty : " " + id;
    }
}
