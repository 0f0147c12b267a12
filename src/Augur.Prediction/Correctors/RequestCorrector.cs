using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Prediction.Correctors;

/// <summary><c>corrector/request</c>: a job that outlives its estimate is planned to run to its request.</summary>
public sealed class RequestCorrector : ICorrector
{
    public string Id => "corrector/request";

    public Duration Correct(in CorrectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Job);
        return request.Job.RequestedTime;
    }
}
