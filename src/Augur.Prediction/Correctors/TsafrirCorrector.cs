using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Prediction.Correctors;

/// <summary>
/// <c>corrector/tsafrir</c>: each time a job outlives its estimate, the estimate becomes the first estimate
/// plus the next step of 1, 5, 15 and 30 minutes, then 1, 2, 5, 10, 20, 50 and 100 hours; after the last
/// step, the request (Tsafrir, Etsion and Feitelson, TPDS 2007; pyss's steps).
/// </summary>
public sealed class TsafrirCorrector : ICorrector
{
    private static readonly long[] StepSeconds = [60, 5 * 60, 15 * 60, 30 * 60, 3600, 2 * 3600, 5 * 3600, 10 * 3600, 20 * 3600, 50 * 3600, 100 * 3600];

    public string Id => "corrector/tsafrir";

    public Duration Correct(in CorrectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Job);
        if (request.CorrectionsSoFar >= StepSeconds.Length)
        {
            return request.Job.RequestedTime;
        }

        return request.InitialEstimate + Duration.FromSeconds(StepSeconds[request.CorrectionsSoFar]);
    }
}
