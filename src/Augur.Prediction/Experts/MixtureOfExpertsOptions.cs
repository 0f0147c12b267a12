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

    public XGBoostPredictorOptions Trees { get; init; } = new();

    public void Validate()
    {
        if (!(GateWeight > 0 && GateWeight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(GateWeight), GateWeight, "The gate's weight must be in (0, 1].");
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
