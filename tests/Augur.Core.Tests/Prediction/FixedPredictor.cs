using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using PointPrediction = Augur.Core.Prediction.Prediction;

namespace Augur.Core.Tests.Prediction;

/// <summary>A predictor that answers the same prediction for every job, for a chosen target.</summary>
internal sealed class FixedPredictor(PointPrediction answer, PredictionTarget target = PredictionTarget.RunTime) : IPredictor
{
    public string Id => "predictor/test-fixed";

    public PredictionTarget Target => target;

    public bool IsOracle => false;

    public PointPrediction Predict(JobRequest job, in PredictionContext context) => answer;

    public void Learn(JobRequest job, JobOutcome outcome, Instant end)
    {
    }
}
