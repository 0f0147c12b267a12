using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Prediction;

namespace Augur.Cli.Running;

/// <summary>
/// Builds the run-time estimator of a run from its ids. The composition root is the one place that may hand
/// the clairvoyant oracle the truth: it reads the workload's outcomes, which no policy can reach.
/// </summary>
public static class EstimatorFactory
{
    /// <summary>The predictor <c>backfill/easy++</c> plans with unless told otherwise (Tsafrir et al.'s).</summary>
    public const string EasyPlusPlusPredictor = "predictor/tsafrir";

    /// <summary>
    /// The corrector for a predictor when none is named: Tsafrir's own for predictor/tsafrir (pyss's pairing),
    /// the request for the others — measured best for predictor/moe on KTH-SP2, SDSC-SP2 and CTC-SP2
    /// together (docs/results.md).
    /// </summary>
    public static string DefaultCorrectorFor(string predictorId) =>
        predictorId == "predictor/tsafrir" ? "corrector/tsafrir" : "corrector/request";

    /// <summary>The estimator for <paramref name="request"/>, or null to plan with requested times.</summary>
    public static RunTimeEstimator? Create(RunRequest request, Workload workload)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workload);
        var predictorId = PredictorIdOf(request.PolicyId, request.PredictorId);
        if (predictorId is null)
        {
            return null;
        }

        var setup = new PredictorSetup(Truth: job => workload.Jobs[job.Index].Outcome.RunTime, Seed: request.Trace.Selection.Seed, TotalProcessors: request.Trace.Processors);
        var predictor = PredictorCatalogue.Create(predictorId, setup);
        var corrector = CorrectorCatalogue.Create(request.CorrectorId ?? DefaultCorrectorFor(predictorId));
        return new RunTimeEstimator(predictor, corrector);
    }

    /// <summary>The predictor a run uses: the one asked for, EASY++'s default, or none.</summary>
    public static string? PredictorIdOf(string policyId, string? predictorId) =>
        predictorId ?? (policyId == "backfill/easy++" ? EasyPlusPlusPredictor : null);
}
