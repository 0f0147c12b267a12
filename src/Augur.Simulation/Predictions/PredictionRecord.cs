using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Simulation.Predictions;

/// <summary>What the predictor said of each job (indexed by job index) and how often its estimate was corrected.</summary>
public sealed class PredictionRecord
{
    internal PredictionRecord(string predictorId, string correctorId, bool isOracle, Prediction[] predictions, Duration[] initialEstimates, int[] corrections)
    {
        PredictorId = predictorId;
        CorrectorId = correctorId;
        IsOracle = isOracle;
        Predictions = predictions;
        InitialEstimates = initialEstimates;
        Corrections = corrections;
    }

    public string PredictorId { get; }

    public string CorrectorId { get; }

    /// <summary>True when the predictor was handed the truth (an upper bound, not a real predictor).</summary>
    public bool IsOracle { get; }

    /// <summary>The prediction made at each job's submission (unclamped).</summary>
    public IReadOnlyList<Prediction> Predictions { get; }

    /// <summary>The run time first planned with: the prediction within [1 s, request].</summary>
    public IReadOnlyList<Duration> InitialEstimates { get; }

    /// <summary>How many times each job outlived its estimate.</summary>
    public IReadOnlyList<int> Corrections { get; }
}
