using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Prediction.History;

/// <summary>
/// <c>predictor/tsafrir</c>: the mean of the user's last two completed run times, in whole seconds rounded
/// down, capped by the request; the request until the user has two completed jobs (Tsafrir, Etsion and
/// Feitelson, IEEE TPDS 2007, as pyss implements it: see docs/predictors.md).
/// </summary>
public sealed class TsafrirPredictor : IPredictor
{
    private readonly Dictionary<int, UserHistory> users = [];

    public string Id => "predictor/tsafrir";

    public PredictionTarget Target => PredictionTarget.RunTime;

    public bool IsOracle => false;

    public Core.Prediction.Prediction Predict(JobRequest job, in PredictionContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        var requested = job.RequestedTime.TotalSeconds;
        if (users.TryGetValue(job.Features.User, out var history) && history.Count >= 2)
        {
            var mean = (history.Last + history.Previous) / 2;
            return Core.Prediction.Prediction.Of(Math.Min(requested, mean));
        }

        return Core.Prediction.Prediction.Of(requested);
    }

    public void Learn(JobRequest job, JobOutcome outcome, Instant end)
    {
        ArgumentNullException.ThrowIfNull(job);
        users.TryGetValue(job.Features.User, out var history);
        users[job.Features.User] = new UserHistory(outcome.RunTime.WholeSeconds, history.Last, Math.Min(history.Count + 1, 2));
    }

    private readonly record struct UserHistory(long Last, long Previous, int Count);
}
