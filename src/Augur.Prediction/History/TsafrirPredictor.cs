using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Prediction.Request;

namespace Augur.Prediction.History;

/// <summary>
/// <c>predictor/tsafrir</c>: the mean of the user's last two completed run times, in whole seconds rounded
/// down, capped by the request; the request until the user has two completed jobs (Tsafrir, Etsion and
/// Feitelson, IEEE TPDS 2007, as pyss implements it: see docs/predictors.md). For memory, the same rule on
/// used memory in kilobytes, capped by the requested memory; jobs whose memory the trace did not record
/// teach it nothing. A job without a request gets no estimate until its user has two completed jobs.
/// </summary>
public sealed class TsafrirPredictor : IPredictor
{
    private readonly Dictionary<int, UserHistory> users = [];

    public TsafrirPredictor(PredictionTarget target = PredictionTarget.RunTime)
    {
        Target = target;
    }

    public string Id => "predictor/tsafrir";

    public PredictionTarget Target { get; }

    public bool IsOracle => false;

    public Core.Prediction.Prediction Predict(JobRequest job, in PredictionContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        var requested = RequestPredictor.RequestOf(job, Target);
        if (users.TryGetValue(job.Features.User, out var history) && history.Count >= 2)
        {
            var mean = (history.Last + history.Previous) / 2;
            return Core.Prediction.Prediction.Of(double.IsNaN(requested) ? mean : Math.Min(requested, mean));
        }

        // The request until the user has two completed jobs; nothing at all when there is no request.
        return double.IsNaN(requested) ? Core.Prediction.Prediction.None : Core.Prediction.Prediction.Of(requested);
    }

    public void Learn(JobRequest job, JobOutcome outcome, Instant end)
    {
        ArgumentNullException.ThrowIfNull(job);
        var value = Target == PredictionTarget.RunTime ? outcome.RunTime.WholeSeconds : outcome.UsedMemoryKilobytes;
        if (value < 0)
        {
            return;
        }

        users.TryGetValue(job.Features.User, out var history);
        users[job.Features.User] = new UserHistory(value, history.Last, Math.Min(history.Count + 1, 2));
    }

    private readonly record struct UserHistory(long Last, long Previous, int Count);
}
