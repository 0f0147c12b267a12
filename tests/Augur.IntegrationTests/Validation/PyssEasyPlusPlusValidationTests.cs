using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Policies;
using Augur.Prediction;
using Augur.Simulation;
using Augur.Simulation.Engine;
using Augur.Simulation.Metrics;
using Augur.Traces.Filters;
using Augur.Traces.Swf;

namespace Augur.IntegrationTests.Validation;

/// <summary>
/// backfill/easy++ against pyss's EASY++ runs (Tsafrir's predictor and corrector, and the clairvoyant
/// oracle) on the real filtered traces: every job's wait, first prediction and number of corrections must
/// be pyss's, and the mean bounded slowdown pyss's own figure to four significant digits.
/// </summary>
public sealed class PyssEasyPlusPlusValidationTests
{
    [Theory]
    [InlineData("KTH-SP2", "tsafrir")]
    [InlineData("SDSC-SP2", "tsafrir")]
    [InlineData("CTC-SP2", "tsafrir")]
    [InlineData("KTH-SP2", "clairvoyant")]
    [InlineData("SDSC-SP2", "clairvoyant")]
    [InlineData("CTC-SP2", "clairvoyant")]
    public void Simulate_EasyPlusPlusOnFilteredTrace_GivesEveryJobPyssWaitPredictionAndCorrections(string trace, string predictor)
    {
        var (workload, result) = Run(trace, predictor);
        var expected = PyssReference.PredictedRuns(trace, $"easypp-{predictor}");

        Assert.Equal(expected.Count, workload.Count);
        var prediction = result.Prediction!;
        var differing = new List<string>();
        for (var job = 0; job < workload.Count; job++)
        {
            var id = workload.Jobs[job].Request.Id;
            var pyss = expected[id];
            var actual = (result.WaitOf(job).WholeSeconds, prediction.InitialEstimates[job].WholeSeconds, prediction.Corrections[job]);
            if (actual != pyss && differing.Count < 5)
            {
                differing.Add($"job {id}: Augur (wait, prediction, corrections) {actual}, pyss {pyss}");
            }
        }

        Assert.True(differing.Count == 0, string.Join("; ", differing));
    }

    [Theory]
    [InlineData("KTH-SP2", "tsafrir", "res_easy_plus_plus_scheduler_predictortsafrir_tsafrir")]
    [InlineData("SDSC-SP2", "tsafrir", "res_easy_plus_plus_scheduler_predictortsafrir_tsafrir")]
    [InlineData("CTC-SP2", "tsafrir", "res_easy_plus_plus_scheduler_predictortsafrir_tsafrir")]
    [InlineData("KTH-SP2", "clairvoyant", "res_easy_plus_plus_scheduler_predictorclairvoyant")]
    [InlineData("SDSC-SP2", "clairvoyant", "res_easy_plus_plus_scheduler_predictorclairvoyant")]
    [InlineData("CTC-SP2", "clairvoyant", "res_easy_plus_plus_scheduler_predictorclairvoyant")]
    public void Simulate_EasyPlusPlusOnFilteredTrace_MatchesPyssMeanBoundedSlowdownToFourDigits(string trace, string predictor, string pyssRun)
    {
        var pyss = PyssReference.AverageBoundedSlowdown(trace, pyssRun);

        var metrics = ScheduleMetrics.Compute(Run(trace, predictor).Result);

        Assert.Equal(SignificantDigits.Round(pyss, 4), SignificantDigits.Round(metrics.BoundedSlowdownMean, 4));
    }

    private static (Workload Workload, SimulationResult Result) Run(string trace, string predictor)
    {
        var swf = SwfReader.Read(PyssReference.FilteredTrace(trace));
        var processors = swf.Header.MachineProcessors!.Value;
        var workload = SwfWorkload.Build(swf, new Sc15JobFilter(), processors).Workload;
        var setup = new PredictorSetup(Truth: job => workload.Jobs[job.Index].Outcome.RunTime);
        var estimator = new RunTimeEstimator(PredictorCatalogue.Create($"predictor/{predictor}", setup), CorrectorCatalogue.Create("corrector/tsafrir"));
        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(processors), PolicyCatalogue.Create("backfill/easy++"), estimator);
        return (workload, result);
    }
}
