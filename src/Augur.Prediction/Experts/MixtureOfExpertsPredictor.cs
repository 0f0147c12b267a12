using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Prediction.Learned;

namespace Augur.Prediction.Experts;

/// <summary>
/// <c>predictor/moe</c>: a mixture of experts in the spirit of Redshift's AutoWLM and Stage (SIGMOD 2024).
/// Experts: an exact-repeat cache (same user, executable, request and size), the user's last run and the
/// mean of their last two, global gradient-boosted trees, and the request. The gate picks, for each job, the
/// expert with the least recent log-ratio error on the same user's jobs (on all jobs until the user has a
/// record). Its p10/p50/p90 are conformal: the gate's recent residuals around its estimate
/// (docs/predictors.md).
/// </summary>
public sealed class MixtureOfExpertsPredictor : IPredictor, IDisposable
{
    private readonly MixtureOfExpertsOptions options;
    private readonly XGBoostPredictor trees;
    private readonly Dictionary<int, ExpertErrors> userErrors = [];
    private readonly ExpertErrors globalErrors = new();
    private readonly Dictionary<int, PendingJob> pending = [];
    private readonly ResidualQuantiles residuals;

    public MixtureOfExpertsPredictor(MixtureOfExpertsOptions? options = null, long totalProcessors = 0)
    {
        this.options = options ?? new MixtureOfExpertsOptions();
        this.options.Validate();
        trees = new XGBoostPredictor(this.options.Trees, totalProcessors);
        residuals = new ResidualQuantiles(this.options.ResidualWindow, refresh: 100, this.options.PointQuantile);
    }

    public string Id => "predictor/moe";

    public PredictionTarget Target => PredictionTarget.RunTime;

    public bool IsOracle => false;

    public Core.Prediction.Prediction Predict(JobRequest job, in PredictionContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        var experts = new double[ExpertErrors.Experts];
        var features = trees.Features;
        experts[(int)ExpertKind.Repeat] = features.TryGetRepeat(job, out var repeat) ? repeat : double.NaN;
        var (last, secondLast) = features.RecentRuns(job.Features.User);
        experts[(int)ExpertKind.UserMean] = Math.Floor((last + secondLast) / 2);
        experts[(int)ExpertKind.UserLast] = last;
        experts[(int)ExpertKind.Trees] = trees.Predict(job, context).Point;
        experts[(int)ExpertKind.Request] = job.HasRequestedTime ? job.RequestedTime.TotalSeconds : double.NaN;
        var chosen = Choose(job.Features.User, experts);
        var picked = double.IsNaN(chosen) ? experts[(int)ExpertKind.Trees] : chosen;
        pending[job.Index] = new PendingJob(experts, picked);
        if (!residuals.IsReady)
        {
            return Core.Prediction.Prediction.Of(picked);
        }

        var scale = 1 + picked;
        var point = Math.Max(0, (scale * Math.Exp(residuals.PointShift)) - 1);
        return Core.Prediction.Prediction.WithQuantiles(
            Math.Clamp(point, Math.Max(0, (scale * Math.Exp(residuals.P10)) - 1), Math.Max(0, (scale * Math.Exp(residuals.P90)) - 1)),
            Math.Max(0, (scale * Math.Exp(residuals.P10)) - 1),
            Math.Max(0, (scale * Math.Exp(residuals.P50)) - 1),
            Math.Max(0, (scale * Math.Exp(residuals.P90)) - 1));
    }

    public void Learn(JobRequest job, JobOutcome outcome, Instant end)
    {
        ArgumentNullException.ThrowIfNull(job);
        trees.Learn(job, outcome, end);
        if (!pending.Remove(job.Index, out var record))
        {
            return;
        }

        var actual = outcome.RunTime.TotalSeconds;
        if (!userErrors.TryGetValue(job.Features.User, out var user))
        {
            user = new ExpertErrors();
            userErrors[job.Features.User] = user;
        }

        for (var expert = 0; expert < ExpertErrors.Experts; expert++)
        {
            var predicted = record.Experts[expert];
            if (!double.IsNaN(predicted))
            {
                var error = Math.Abs(LogRatio(predicted, actual));
                user.Add(expert, error, options.GateWeight);
                globalErrors.Add(expert, error, options.GateWeight / 10);
            }
        }

        residuals.Add(LogRatio(actual, record.Point));
    }

    public void Dispose() => trees.Dispose();

    private static double LogRatio(double numerator, double denominator) => Math.Log((1 + Math.Max(0, numerator)) / (1 + Math.Max(0, denominator)));

    /// <summary>The prediction of the available expert with the least recent error; NaN if none is available.</summary>
    private double Choose(int userId, double[] experts)
    {
        userErrors.TryGetValue(userId, out var user);
        var best = double.NaN;
        var bestError = double.PositiveInfinity;
        for (var expert = 0; expert < ExpertErrors.Experts; expert++)
        {
            if (double.IsNaN(experts[expert]))
            {
                continue;
            }

            var record = user is not null && user.CountOf(expert) >= options.UserEvidence ? user : globalErrors;
            var error = record.CountOf(expert) == 0 ? double.MaxValue : record.ErrorOf(expert);
            if (error < bestError)
            {
                bestError = error;
                best = experts[expert];
            }
        }

        return best;
    }

    private sealed record PendingJob(double[] Experts, double Point);
}
