using Augur.Core.Identifiers;
using Augur.Core.Jobs;
using Augur.Core.Time;
using Augur.Prediction.Correctors;
using Augur.Prediction.History;
using Augur.Prediction.Oracle;
using Augur.Prediction.Request;

namespace Augur.Prediction.Tests.Catalogues;

public sealed class CatalogueTests
{
    [Fact]
    public void PredictorCatalogue_Entries_ListRequestThenTsafrirAndTheOracleLast()
    {
        // Other predictors may sit between them; the oracle, an upper bound, closes the list.
        var ids = PredictorCatalogue.Catalogue.Entries.Select(entry => entry.Id).ToList();

        Assert.Equal("predictor/request", ids[0]);
        Assert.Equal("predictor/tsafrir", ids[1]);
        Assert.Equal("predictor/clairvoyant", ids[^1]);
    }

    [Fact]
    public void PredictorCatalogue_Create_BuildsEachPredictorWithItsOwnId()
    {
        var setup = new PredictorSetup(Truth: _ => Duration.FromSeconds(5));

        Assert.IsType<RequestPredictor>(PredictorCatalogue.Create("predictor/request", setup));
        Assert.IsType<TsafrirPredictor>(PredictorCatalogue.Create("predictor/tsafrir", setup));
        var oracle = PredictorCatalogue.Create("predictor/clairvoyant", setup);
        Assert.IsType<ClairvoyantPredictor>(oracle);
        Assert.True(oracle.IsOracle);
        Assert.Equal(5, oracle.Predict(new JobRequest(0, 1, Instant.Zero, 1, Duration.FromSeconds(60)), default).Point);
        foreach (var entry in PredictorCatalogue.Catalogue.Entries)
        {
            Assert.Equal(entry.Id, PredictorCatalogue.Create(entry.Id, setup).Id);
        }
    }

    [Fact]
    public void PredictorCatalogue_Create_ReturnsAFreshPredictorEachTime()
    {
        // A history predictor carries state: two runs must not share it.
        var setup = new PredictorSetup();

        Assert.NotSame(PredictorCatalogue.Create("predictor/tsafrir", setup), PredictorCatalogue.Create("predictor/tsafrir", setup));
    }

    [Fact]
    public void PredictorCatalogue_ClairvoyantWithoutTruth_ThrowsAndSaysWhy()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PredictorCatalogue.Create("predictor/clairvoyant", new PredictorSetup()));

        Assert.Contains("true run times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictorCatalogue_Typo_SuggestsTheClosestId()
    {
        var error = Assert.Throws<UnknownComponentException>(() => PredictorCatalogue.Create("predictor/tsafirr", new PredictorSetup()));

        Assert.Equal("unknown predictor 'predictor/tsafirr'; did you mean 'predictor/tsafrir'?", error.Message);
    }

    [Fact]
    public void CorrectorCatalogue_Entries_CreateEachCorrectorWithItsOwnId()
    {
        Assert.Equal(
            ["corrector/tsafrir", "corrector/request", "corrector/quantile"],
            CorrectorCatalogue.Catalogue.Entries.Take(3).Select(entry => entry.Id).ToArray());
        Assert.IsType<TsafrirCorrector>(CorrectorCatalogue.Create("corrector/tsafrir"));
        Assert.IsType<RequestCorrector>(CorrectorCatalogue.Create("corrector/request"));
        Assert.IsType<QuantileCorrector>(CorrectorCatalogue.Create("corrector/quantile"));
        foreach (var entry in CorrectorCatalogue.Catalogue.Entries)
        {
            Assert.Equal(entry.Id, CorrectorCatalogue.Create(entry.Id).Id);
        }
    }

    [Fact]
    public void CorrectorCatalogue_Typo_SuggestsTheClosestId()
    {
        var error = Assert.Throws<UnknownComponentException>(() => CorrectorCatalogue.Create("corrector/reqest"));

        Assert.Contains("did you mean 'corrector/request'?", error.Message, StringComparison.Ordinal);
    }
}
