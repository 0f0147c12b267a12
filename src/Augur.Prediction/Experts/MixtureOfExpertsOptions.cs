using Augur.Prediction.Learned;

namespace Augur.Prediction.Experts;

/// <summary>How <c>predictor/moe</c> gates its experts. One configuration serves every trace (no per-trace tuning).</summary>
public sealed record MixtureOfExpertsOptions
{
    /// <summary>Weight of the newest error in each expert's running error (an exponential moving average).</summary>
    public double GateWeight { get; init; } = 0.3;

    /// <summary>Errors a user's own record needs before the gate trusts it over all users' record.</summary>
    public int UserEvidence { get; init; } = 2;

    /// <summary>Recent residuals the conformal intervals are drawn from.</summary>
    public int ResidualWindow { get; init; } = 2_000;

    /// <summary>
    /// The quantile of the gate's recent residuals its pick is shifted to for the point estimate the scheduler
    /// plans with (0.5: the median correction).
    /// </summary>
    public double PointQuantile { get; init; } = 0.5;

    public XGBoostPredictorOptions Trees { get; init; } = new();

    public void Validate()
    {
        if (!(GateWeight > 0 && GateWeight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(GateWeight), GateWeight, "The gate's weight must be in (0, 1].");
        }

        if (!(PointQuantile >= 0.1 && PointQuantile <= 0.9))
        {
            throw new ArgumentOutOfRangeException(nameof(PointQuantile), PointQuantile, "The point's quantile must be within [0.1, 0.9], where the intervals are.");
        }

        if (UserEvidence < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(UserEvidence), UserEvidence, "A user's record needs at least 1 error.");
        }

        if (ResidualWindow < 50)
        {
            throw new ArgumentOutOfRangeException(nameof(ResidualWindow), ResidualWindow, "Intervals need at least 50 residuals.");
        }

        ArgumentNullException.ThrowIfNull(Trees);
        Trees.Validate();
    }
}
