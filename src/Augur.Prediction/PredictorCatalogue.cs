using Augur.Core.Identifiers;
using Augur.Core.Prediction;
using Augur.Prediction.Experts;
using Augur.Prediction.History;
using Augur.Prediction.Learned;
using Augur.Prediction.Oracle;
using Augur.Prediction.Request;

namespace Augur.Prediction;

/// <summary>The default catalogue of predictors, in listing order (<c>augur policies</c> lists them too).</summary>
public static class PredictorCatalogue
{
    public static ComponentCatalogue<Func<PredictorSetup, IPredictor>> Catalogue { get; } =
        new ComponentCatalogue<Func<PredictorSetup, IPredictor>>("predictor")
            .Add("predictor/request", "the user's requested time", () => setup => new RequestPredictor(setup.Target))
            .Add("predictor/tsafrir", "mean of the user's last two run times, capped by the request (Tsafrir et al., TPDS 2007)", () => setup => new TsafrirPredictor(setup.Target))
            .Add("predictor/xgboost", "gradient-boosted trees (XGBoost) on submission-time features, retrained online on a sliding window", () => setup => RunTimeOnly(setup, "predictor/xgboost") ?? new XGBoostPredictor(
                new XGBoostPredictorOptions { Trees = new XGBoostPredictorOptions().Trees with { Seed = setup.Seed } }, setup.TotalProcessors))
            .Add("predictor/moe", "mixture of experts: exact repeats, user history, XGBoost, request; blended by recent error per user; conformal p10/p50/p90", () => setup => RunTimeOnly(setup, "predictor/moe") ?? new MixtureOfExpertsPredictor(
                new MixtureOfExpertsOptions { Trees = new XGBoostPredictorOptions { Trees = new XGBoostPredictorOptions().Trees with { Seed = setup.Seed } } }, setup.TotalProcessors))
            .Add("predictor/clairvoyant", "ORACLE: the true run time, an upper bound on what prediction can buy", () => setup => RunTimeOnly(setup, "predictor/clairvoyant") ?? new ClairvoyantPredictor(
                setup.Truth ?? throw new InvalidOperationException("predictor/clairvoyant needs the true run times, which only the simulator has.")));

    /// <summary>Null, so that <c>??</c> builds the predictor, unless the setup asks for a target it cannot predict.</summary>
    private static IPredictor? RunTimeOnly(PredictorSetup setup, string id)
    {
        setup.RequireRunTime(id);
        return null;
    }

    public static IPredictor Create(string id, PredictorSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return Catalogue.Create(id)(setup);
    }
}
