using Augur.Core.Identifiers;
using Augur.Core.Prediction;

namespace Augur.Prediction.Gpu;

/// <summary>
/// The predictors GPU runs take (<c>--predictor</c>), in listing order. The clairvoyant one is not built
/// here: only the driver holds the true run times, so it builds that bound itself (the factory returns null).
/// </summary>
public static class GpuPredictorCatalogue
{
    public const string ClairvoyantId = "predictor/clairvoyant";

    public static ComponentCatalogue<IGpuPredictor?> Catalogue { get; } =
        new ComponentCatalogue<IGpuPredictor?>("GPU predictor")
            .Add("predictor/helios", "Helios's QSSF estimate: 0.1 x history of the same group and shape + 0.9 x XGBoost, learned online from ended jobs (Hu et al., SC'21)", () => new HeliosPredictor())
            .Add("predictor/group-mean", "Helios's history estimate alone: mean run time of the ended jobs of the same group and shape, else group, else all", () => new GroupMeanPredictor())
            .Add(ClairvoyantId, "ORACLE: the true run time, an upper bound on what prediction can buy", () => null);
}
