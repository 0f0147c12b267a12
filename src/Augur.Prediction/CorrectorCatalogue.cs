using Augur.Core.Identifiers;
using Augur.Core.Prediction;
using Augur.Prediction.Correctors;

namespace Augur.Prediction;

/// <summary>The default catalogue of correctors, in listing order.</summary>
public static class CorrectorCatalogue
{
    public static ComponentCatalogue<ICorrector> Catalogue { get; } =
        new ComponentCatalogue<ICorrector>("corrector")
            .Add("corrector/tsafrir", "first estimate + 1 min, 5, 15, 30 min, 1, 2, 5, 10, 20, 50, 100 h, then the request", () => new TsafrirCorrector())
            .Add("corrector/request", "the request", () => new RequestCorrector())
            .Add("corrector/quantile", "the predicted median, then the 90th percentile, then the request", () => new QuantileCorrector());

    public static ICorrector Create(string id) => Catalogue.Create(id);
}
