namespace Augur.Prediction.Experts;

/// <summary>The experts of <c>predictor/moe</c>, in the order that breaks ties in the gate.</summary>
internal enum ExpertKind
{
    /// <summary>The last run of an exact repeat: same user, executable, request and size.</summary>
    Repeat = 0,

    /// <summary>The mean of the user's last two run times (Tsafrir's estimate; capped by the request like every expert).</summary>
    UserMean = 1,

    /// <summary>The user's last run time.</summary>
    UserLast = 2,

    /// <summary>The global gradient-boosted trees.</summary>
    Trees = 3,

    /// <summary>The request.</summary>
    Request = 4,
}
