namespace Augur.Cli.Sweeps;

/// <summary>One simulation of a sweep: a point of the product of its traces, policies, orders, predictors and seeds.</summary>
public sealed record SweepRun(string Trace, string Policy, string? Order, string? Predictor, string? Corrector, int Seed)
{
    /// <summary>A readable name for listings: trace, policy, order, predictor and seed.</summary>
    public string Describe() =>
        $"{Path.GetFileName(Trace)} {Policy}{(Order is null ? string.Empty : " " + Order)}{(Predictor is null ? string.Empty : " " + Predictor)}{(Corrector is null ? string.Empty : " " + Corrector)} seed {Seed}";
}
