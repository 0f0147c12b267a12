namespace Augur.Prediction.Boosting;

/// <summary>The loss that <see cref="BoostedTreesModel.Train"/> minimizes.</summary>
public enum BoostedTreesObjective
{
    /// <summary>XGBoost's <c>reg:squarederror</c>: predicts the mean.</summary>
    SquaredError,

    /// <summary>XGBoost's <c>reg:absoluteerror</c> (new in 1.7): predicts the median.</summary>
    AbsoluteError,
}
