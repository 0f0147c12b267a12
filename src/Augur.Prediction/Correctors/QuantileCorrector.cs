using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Prediction.Correctors;

/// <summary>
/// <c>corrector/quantile</c>: a job that outlives its estimate is planned to the next of its predicted
/// median and 90th percentile that lies beyond the estimate, then to its request. Without quantiles, the request.
/// </summary>
public sealed class QuantileCorrector : ICorrector
{
    public string Id => "corrector/quantile";

    public Duration Correct(in CorrectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Job);
        var prediction = request.Initial;
        if (prediction.HasQuantiles)
        {
            // Compared after clamping: a quantile a hair above the estimate may round back onto it.
            var median = RunTimeEstimator.Clamp(request.Job, prediction.P50);
            if (median > request.CurrentEstimate)
            {
                return median;
            }

            var high = RunTimeEstimator.Clamp(request.Job, prediction.P90);
            if (high > request.CurrentEstimate)
            {
                return high;
            }
        }

        return request.Job.RequestedTime;
    }
}
