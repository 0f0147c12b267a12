using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Prediction.Learned;

namespace Augur.Prediction.Experts;

/// <summary>
/// <c>predictor/moe</c>: a mixture of experts in the spirit of Redshift's AutoWLM and Stage (SIGMOD 2024).
/// Experts: an exact-repeat cache (same user, executable, request and size), the user's last run and the
/// mean of their last two, global gradient-boosted trees, and the request, each capped by the request. The gate blends the
/// experts by their recent log-ratio error on the same user's jobs (on all jobs until the user has a record):
/// a geometric mean weighted by the inverse square of each error. Its p10/p50/p90 are conformal: the gate's
/// recent residuals around its estimate; the point is the gate's estimate corrected by the median residual
/// (docs/predictors.md).
/// </summary>
public sealed class MixtureOfExpertsPredictor : IPredictor, IDisposable
{
    /// <summary>Keeps an expert that was exactly right lately from taking every weight (and off division by zero).</summary>
    private const double ErrorFloor = 1e-3;

    private readonly MixtureOfExpertsOptions options;
    private readonly XGBoostPredictor trees;
    private readonly Dictionary<int, ExpertErrors> userErrors = [];
    private readonly ExpertErrors globalErrors = new();
    private readonly Dictionary<int, (double[] Experts, double Point)> pending = [];

    // Expert arrays of ended jobs, reused for new submissions.
    private readonly Stack<double[]> freeExperts = new();
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
        var experts = freeExperts.Count > 0 ? freeExperts.Pop() : new double[ExpertErrors.Experts];
        var features = trees.Features;
        experts[(int)ExpertKind.Repeat] = features.TryGetRepeat(job, out var repeat) ? repeat : double.NaN;
        var (last, secondLast) = features.RecentRuns(job.Features.User);
        experts[(int)ExpertKind.UserMean] = Math.Floor((last + secondLast) / 2);
        experts[(int)ExpertKind.UserLast] = last;
        experts[(int)ExpertKind.Trees] = trees.Predict(job, context).Point;
        experts[(int)ExpertKind.Request] = job.HasRequestedTime ? job.RequestedTime.TotalSeconds : double.NaN;

        // A job is killed at its request: no expert may predict beyond it.
        var cap = job.HasRequestedTime ? job.RequestedTime.TotalSeconds : double.MaxValue;
        for (var expert = 0; expert < experts.Length; expert++)
        {
            experts[expert] = Math.Min(experts[expert], cap);
        }

        var chosen = Choose(job.Features.User, experts);
        var picked = double.IsNaN(chosen) ? experts[(int)ExpertKind.Trees] : chosen;
        pending[job.Index] = (experts, picked);
        if (double.IsNaN(picked))
        {
            // No expert has anything yet (no request, no history, no model).
            return Core.Prediction.Prediction.None;
        }

        if (!residuals.IsReady)
        {
            return Core.Prediction.Prediction.Of(picked);
        }

        var scale = 1 + picked;
        var p10 = Shifted(scale, residuals.P10, cap);
        var p90 = Shifted(scale, residuals.P90, cap);
        var point = Shifted(scale, residuals.PointShift, cap);
        return Core.Prediction.Prediction.WithQuantiles(Math.Clamp(point, p10, p90), p10, Shifted(scale, residuals.P50, cap), p90);
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

        if (!double.IsNaN(record.Point))
        {
            residuals.Add(LogRatio(actual, record.Point));
        }

        freeExperts.Push(record.Experts);
    }

    public void Dispose() => trees.Dispose();

    /// <summary>(1 + x) scaled by e^residual, minus 1, within [0, cap].</summary>
    private static double Shifted(double scale, double residual, double cap) => Math.Clamp((scale * Math.Exp(residual)) - 1, 0, cap);

    private static double LogRatio(double numerator, double denominator) => Math.Log((1 + Math.Max(0, numerator)) / (1 + Math.Max(0, denominator)));

    /// <summary>
    /// The gate: a weighted geometric mean of the available experts' estimates (in log(1 + seconds)), each
    /// weighted by the inverse square of its recent error on this user's jobs (on all jobs until the user
    /// has <see cref="MixtureOfExpertsOptions.UserEvidence"/> scored errors for it). An expert with no record
    /// yet has no say; NaN when no expert has one.
    /// </summary>
    private double Choose(int userId, double[] experts)
    {
        userErrors.TryGetValue(userId, out var user);
        double weightSum = 0, logSum = 0;
        for (var expert = 0; expert < ExpertErrors.Experts; expert++)
        {
            if (double.IsNaN(experts[expert]))
            {
                continue;
            }

            var record = user is not null && user.CountOf(expert) >= options.UserEvidence ? user : globalErrors;
            if (record.CountOf(expert) == 0)
            {
                continue;
            }

            var weight = 1 / Square(record.ErrorOf(expert) + ErrorFloor);
            weightSum += weight;
            logSum += weight * Math.Log(1 + experts[expert]);
        }

        return weightSum == 0 ? double.NaN : Math.Exp(logSum / weightSum) - 1;
    }

    private static double Square(double value) => value * value;

}
