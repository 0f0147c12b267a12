using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using PointPrediction = Augur.Core.Prediction.Prediction;

namespace Augur.Prediction.Tests.Correctors;

/// <summary>Predicts the same run time (with its quantiles, if any) for every job.</summary>
internal sealed class FixedRunTimePredictor(PointPrediction answer) : IPredictor
{
    public string Id => "predictor/test-fixed";

    public PredictionTarget Target => PredictionTarget.RunTime;

    public bool IsOracle => false;

    public PointPrediction Predict(JobRequest job, in PredictionContext context) => answer;

    public void Learn(JobRequest job, JobOutcome outcome, Instant end)
    {
    }
}
