namespace Augur.Prediction.Boosting;

/// <summary>
/// How to grow the trees. Nothing is checked when the options are made; <see cref="Validate"/> runs when a model is
/// trained, so a config file can be read first and rejected with every reason named.
/// </summary>
/// <remarks>
/// The defaults are XGBoost's, except <see cref="Threads"/>: one thread keeps training and prediction byte-identical
/// from run to run. Row subsampling stays off for the same reason.
/// </remarks>
public sealed record BoostedTreesOptions
{
    // Parameters the binding sets itself, under every name XGBoost accepts for them.
    private static readonly HashSet<string> ManagedParameters = new(StringComparer.Ordinal)
    {
        "validate_parameters", "nthread", "n_jobs", "seed", "random_state", "max_depth", "eta", "learning_rate",
        "min_child_weight", "lambda", "reg_lambda", "subsample", "objective", "base_score", "tree_method",
    };

    /// <summary>Boosting rounds: one tree each. At least 1.</summary>
    public int Rounds { get; init; } = 100;

    /// <summary>XGBoost's <c>max_depth</c>. At least 1.</summary>
    public int MaxDepth { get; init; } = 6;

    /// <summary>XGBoost's <c>eta</c>: how much of each tree is kept. In (0, 1].</summary>
    public double LearningRate { get; init; } = 0.3;

    /// <summary>XGBoost's <c>min_child_weight</c>: the least hessian sum in a leaf. Finite and not negative.</summary>
    public double MinChildWeight { get; init; } = 1;

    /// <summary>XGBoost's <c>lambda</c>: L2 regularization of the leaf values. Finite and not negative.</summary>
    public double Lambda { get; init; } = 1;

    /// <summary>
    /// XGBoost's <c>base_score</c>, the prediction before the first tree. Null starts from the labels' mean
    /// (squared error), median (absolute error) or quantile (quantile training).
    /// </summary>
    public float? BaseScore { get; init; }

    /// <summary>The loss <see cref="BoostedTreesModel.Train"/> minimizes; quantile training has its own.</summary>
    public BoostedTreesObjective Objective { get; init; } = BoostedTreesObjective.SquaredError;

    /// <summary>XGBoost's <c>nthread</c>. At least 1; more than 1 may change results in the last bits.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>XGBoost's <c>seed</c>.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Further XGBoost parameters by their XGBoost names (<c>gamma</c>, <c>max_bin</c>, ...), set after the ones
    /// above, which they may not repeat. A name XGBoost does not know fails training with an
    /// <see cref="XGBoostException"/> naming it.
    /// </summary>
    public IReadOnlyDictionary<string, string> AdditionalParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        Require(Rounds >= 1, nameof(Rounds), Rounds, "must be at least 1");
        Require(MaxDepth >= 1, nameof(MaxDepth), MaxDepth, "must be at least 1");
        Require(LearningRate is > 0 and <= 1, nameof(LearningRate), LearningRate, "must be in (0, 1]");
        Require(double.IsFinite(MinChildWeight) && MinChildWeight >= 0, nameof(MinChildWeight), MinChildWeight, "must be finite and not negative");
        Require(double.IsFinite(Lambda) && Lambda >= 0, nameof(Lambda), Lambda, "must be finite and not negative");
        Require(BaseScore is null || float.IsFinite(BaseScore.Value), nameof(BaseScore), BaseScore, "must be finite");
        Require(Enum.IsDefined(Objective), nameof(Objective), Objective, "is not a known objective");
        Require(Threads >= 1, nameof(Threads), Threads, "must be at least 1");
        if (AdditionalParameters is null)
        {
            throw new ArgumentException("BoostedTreesOptions.AdditionalParameters must not be null.", nameof(AdditionalParameters));
        }

        foreach (var (name, value) in AdditionalParameters)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace) || value is null)
            {
                throw new ArgumentException(
                    $"BoostedTreesOptions.AdditionalParameters: '{name}' = '{value}' needs a name without spaces and a value.",
                    nameof(AdditionalParameters));
            }

            if (ManagedParameters.Contains(name))
            {
                throw new ArgumentException(
                    $"BoostedTreesOptions.AdditionalParameters: '{name}' is set by the binding; use the option for it instead.",
                    nameof(AdditionalParameters));
            }
        }
    }

    private static void Require(bool valid, string option, object? value, string rule)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(option, value, $"BoostedTreesOptions.{option} {rule}.");
        }
    }
}
