using System.Globalization;
using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Policies.Backfilling;
using Augur.Simulation.Engine;
using Augur.Testing;
using static Augur.Simulation.Tests.Engine.EstimateExpiryFakes;

namespace Augur.Simulation.Tests.Engine;

/// <summary>
/// Running jobs that outlive their predicted run time: the EstimateExpired event, the corrector's new
/// estimate in the profile, the policy's view of it, and the predictor's learning at each end.
/// Timelines in seconds; "est" = the end the scheduler plans with.
/// </summary>
public sealed class EstimateExpiryTests
{
    [Fact]
    public void Run_PredictedHundredRunsTwoFifty_EstimatesGo100Then160Then400WithTwoCorrections()
    {
        // J1 (1 proc, request 1000) predicted 100 s, truly runs 250 s.
        //   J1 |0=====est 100 -> 160 -> 400=====250|
        //   100: expired, est 100 + 60 = 160; 160: expired, est 100 + 300 = 400 > 250: no more expiries.
        var workload = new WorkloadBuilder().Job(submit: 0, processors: 1, run: 250, requested: 1000).Build();
        var expiries = new List<string>();
        var endedPlannedAt = Instant.Zero;
        var policy = new ScriptedPolicy(script: context =>
        {
            if (context.Trigger == DecisionTrigger.EstimateExpired)
            {
                var inProfile = ProfileEndOf(context, context.Expired.Request);
                expiries.Add(FormattableString.Invariant(
                    $"{context.Now.WholeSeconds}: job {context.Expired.Request.Id} started {context.Expired.Start.WholeSeconds} est {context.PreviousEstimatedEnd.WholeSeconds} -> {context.Expired.EstimatedEnd.WholeSeconds} (profile {inProfile.WholeSeconds})"));
            }
            else if (context.Trigger == DecisionTrigger.Termination)
            {
                endedPlannedAt = context.Ended.EstimatedEnd;
            }

            ScriptedPolicy.FirstFit(context);
        });

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(4), policy, Estimator(new() { [1] = 100 }, TsafrirSteps));

        Assert.Equal(["0 Submission 1", "100 EstimateExpired", "160 EstimateExpired", "250 Termination 1"], policy.Log);
        Assert.Equal(["100: job 1 started 0 est 100 -> 160 (profile 160)", "160: job 1 started 0 est 160 -> 400 (profile 400)"], expiries);
        Assert.Equal(Instant.FromSeconds(400), endedPlannedAt);
        var prediction = result.Prediction!;
        Assert.Equal(2, prediction.Corrections[0]);
        Assert.Equal(Duration.FromSeconds(100), prediction.InitialEstimates[0]);
        Assert.Equal(100, prediction.Predictions[0].Point);
        Assert.Equal("predictor/test-table", prediction.PredictorId);
        Assert.Equal("corrector/test-tsafrir-steps", prediction.CorrectorId);
        Assert.False(prediction.IsOracle);
        Assert.Equal(Instant.FromSeconds(250), result.Ends[0]);
        Assert.False(result.Killed[0]);
        Assert.Equal(4, result.Events);
    }

    [Theory]
    [InlineData(100_000_000, 0)] // ends exactly at its estimate: not outlived
    [InlineData(99_000_000, 0)] // ends before it
    [InlineData(100_000_001, 1)] // 1 us past it: est 160 s
    [InlineData(160_000_000, 1)] // ends exactly at the corrected estimate 160 s
    [InlineData(160_000_001, 2)] // 1 us past that: est 400 s
    public void Run_EndNearItsEstimate_CorrectedOnlyWhenItEndsStrictlyLater(long runMicroseconds, int expectedCorrections)
    {
        var workload = new WorkloadBuilder().JobMicroseconds(submit: 0, processors: 1, run: runMicroseconds, requested: 1000_000_000).Build();
        var policy = new ScriptedPolicy(script: ScriptedPolicy.FirstFit);

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(1), policy, Estimator(new() { [1] = 100 }, TsafrirSteps));

        Assert.Equal(expectedCorrections, result.Prediction!.Corrections[0]);
        Assert.Equal(expectedCorrections, policy.Log.Count(line => line.EndsWith("EstimateExpired", StringComparison.Ordinal)));
        Assert.Equal(2 + expectedCorrections, result.Events);
    }

    [Fact]
    public void Run_JobKilledAtItsRequest_CorrectionsStopAtTheRequest()
    {
        // Request 300, predicted 100, would run 500: killed at 300. 100 -> 160, then 400 is capped to 300,
        // which is the (killed) end: 2 corrections, no third expiry.
        var workload = new WorkloadBuilder().Job(submit: 0, processors: 1, run: 500, requested: 300).Build();
        var ends = new List<long>();
        var policy = new ScriptedPolicy(script: context =>
        {
            if (context.Trigger == DecisionTrigger.EstimateExpired)
            {
                ends.Add(context.Expired.EstimatedEnd.WholeSeconds);
            }

            ScriptedPolicy.FirstFit(context);
        });

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(1), policy, Estimator(new() { [1] = 100 }, TsafrirSteps));

        Assert.Equal([160L, 300], ends);
        Assert.Equal(2, result.Prediction!.Corrections[0]);
        Assert.True(result.Killed[0]);
        Assert.Equal(Instant.FromSeconds(300), result.Ends[0]);
    }

    [Fact]
    public void Run_RequestCorrectorNoRequest_PlansTheJobToNever()
    {
        // Without a requested time, corrector/request's answer is unbounded: the job is planned to never end.
        var workload = new WorkloadBuilder().Job(submit: 0, processors: 1, run: 250, requested: null).Build();
        var ends = new List<Instant>();
        var policy = new ScriptedPolicy(script: context =>
        {
            if (context.Trigger == DecisionTrigger.EstimateExpired)
            {
                ends.Add(ProfileEndOf(context, context.Expired.Request));
            }

            ScriptedPolicy.FirstFit(context);
        });

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(1), policy, Estimator(new() { [1] = 100 }, Request));

        Assert.Equal([Instant.MaxValue], ends);
        Assert.Equal(1, result.Prediction!.Corrections[0]);
        Assert.Equal(Instant.FromSeconds(250), result.Ends[0]);
    }

    [Fact]
    public void Run_SameInstant_ExpiryBeforeSubmissionBeforeTermination()
    {
        // J1 predicted 100, runs 250. J2 runs 0..100 exactly to its estimate. J3 arrives at 100.
        // At 100: J1's expiry first (its estimate becomes 160), then J3's submission (which already sees
        // 160 in the profile), then J2's termination.
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 1, run: 250, requested: 1000)
            .Job(submit: 0, processors: 1, run: 100, requested: 100)
            .Job(submit: 100, processors: 1, run: 10, requested: 10)
            .Build();
        var seenAtSubmission = Instant.Zero;
        var policy = new ScriptedPolicy(script: context =>
        {
            if (context.Trigger == DecisionTrigger.Submission && context.TriggerJob!.Id == 3)
            {
                seenAtSubmission = ProfileEndOf(context, workload.Jobs[0].Request);
            }

            ScriptedPolicy.FirstFit(context);
        });

        Simulator.Run(workload, ClusterSpec.FromProcessors(4), policy, Estimator(new() { [1] = 100 }, TsafrirSteps));

        Assert.Equal(
            ["0 Submission 1", "0 Submission 2", "100 EstimateExpired", "100 Submission 3", "100 Termination 2", "110 Termination 3", "160 EstimateExpired", "250 Termination 1"],
            policy.Log);
        Assert.Equal(Instant.FromSeconds(160), seenAtSubmission);
    }

    [Fact]
    public void Run_Terminations_PredictorLearnsBeforeThePolicyDecidesAndAfterSameInstantSubmissions()
    {
        // 4 procs, predictions = requests (no expiries). J1 (2 procs) 0..100 at its request; J2 (1 proc)
        // 0..100, request 200; J3 (3 procs, request 50) arrives at 100, would run 80: killed at 150.
        // At 100 the submission comes first (J3 is predicted before J1 and J2 are learned from), then each
        // termination: learn, then decide. A killed job is learned with the run time it had (50 s).
        var log = new List<string>();
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 2, run: 100, requested: 100)
            .Job(submit: 0, processors: 1, run: 100, requested: 200)
            .Job(submit: 100, processors: 3, run: 80, requested: 50)
            .Build();
        var predictor = new TablePredictor(new Dictionary<long, double>(), log);
        var policy = new ScriptedPolicy(script: context =>
        {
            log.Add(Describe(context));
            ScriptedPolicy.FirstFit(context);
        });

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(4), policy, new RunTimeEstimator(predictor, TsafrirSteps));

        Assert.Equal(
            [
                "predict 1 (waiting 0/0, running 0/0)", "decide 0 Submission 1",
                "predict 2 (waiting 0/0, running 1/2)", "decide 0 Submission 2",
                "predict 3 (waiting 0/0, running 2/3)", "decide 100 Submission 3",
                "learn 1 ran 100 s, ended 100", "decide 100 Termination 1",
                "learn 2 ran 100 s, ended 100", "decide 100 Termination 2",
                "learn 3 ran 50 s, ended 150", "decide 150 Termination 3",
            ],
            log);
        Assert.True(result.Killed[2]);
        Assert.Equal(Instant.FromSeconds(100), result.Starts[2]);
    }

    [Fact]
    public void Run_WaitingJobsCounted_PredictionContextShowsTheQueue()
    {
        // 2 procs. J1 (2 procs) runs 0..100; J2 (2 procs) waits from 10; J3 (1 proc) is submitted at 20
        // and sees one waiting job asking for 2 procs and one running job holding 2.
        var log = new List<string>();
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 2, run: 100, requested: 100)
            .Job(submit: 10, processors: 2, run: 10, requested: 10)
            .Job(submit: 20, processors: 1, run: 10, requested: 10)
            .Build();
        var predictor = new TablePredictor(new Dictionary<long, double>(), log);

        Simulator.Run(workload, ClusterSpec.FromProcessors(2), new ScriptedPolicy(script: StrictFirstComeFirstServed), new RunTimeEstimator(predictor, TsafrirSteps));

        Assert.Equal("predict 3 (waiting 1/2, running 1/2)", log.Single(line => line.StartsWith("predict 3", StringComparison.Ordinal)));
    }

    [Fact]
    public void Run_Predictions_PlannedRunTimesAreClampedToOneSecondAndTheRequest()
    {
        // J1 predicted 0.2 s -> planned 1 s; J2 predicted 900 s with request 600 -> 600 s; J3 12.5 s exactly.
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 1, run: 1, requested: 600)
            .Job(submit: 0, processors: 1, run: 10, requested: 600)
            .Job(submit: 0, processors: 1, run: 10, requested: 600)
            .Build();
        var planned = new Dictionary<long, Duration>();
        var policy = new ScriptedPolicy(script: context =>
        {
            if (context.Trigger == DecisionTrigger.Submission)
            {
                planned[context.TriggerJob!.Id] = context.PlannedRunTime(context.TriggerJob);
            }
        });

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(1), policy, Estimator(new() { [1] = 0.2, [2] = 900, [3] = 12.5 }, TsafrirSteps));

        Assert.Equal(Duration.FromSeconds(1), planned[1]);
        Assert.Equal(Duration.FromSeconds(600), planned[2]);
        Assert.Equal(new Duration(12_500_000), planned[3]);
        Assert.Equal([Duration.FromSeconds(1), Duration.FromSeconds(600), new Duration(12_500_000)], result.Prediction!.InitialEstimates);
        Assert.Equal([0.2, 900, 12.5], result.Prediction.Predictions.Select(p => p.Point));
    }

    [Fact]
    public void Run_WithoutEstimator_NoExpiriesAndNoPredictionRecord()
    {
        var workload = new WorkloadBuilder().Job(submit: 0, processors: 1, run: 250, requested: 1000).Build();
        var policy = new ScriptedPolicy(script: ScriptedPolicy.FirstFit);

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(1), policy);

        Assert.Null(result.Prediction);
        Assert.Equal(["0 Submission 1", "250 Termination 1"], policy.Log);
    }

    [Theory]
    [InlineData(50, 50, true, 250)] // before the correction: shadow 100 with 4 extra procs, J4 fits in the extra
    [InlineData(120, 250, false, 150)] // after it: shadow 150 with 0 extra procs, J4 would delay J3
    public void Run_EasyPlusPlusAfterACorrection_ReservationMovesAndABackfillIsRefused(long submitJ4, long expectedStart, bool expectedBackfilled, long expectedHeadStart)
    {
        // 10 procs, EASY++, corrector/tsafrir steps.
        //   J1 6 procs, predicted 100, runs 250 (request 1000): est 100 -> 160 (at 100) -> 400 (at 160).
        //   J2 2 procs, predicted = request = run = 150: ends exactly at its estimate, never corrected.
        //   J3 4 procs (the head), from 10, 100 s; J4 2 procs, 500 s, from submitJ4.
        // Free while J1 and J2 run: 2.
        // J4 at 50: J3's reservation is at J1's est 100: free 2 + 6 = 8, extra 8 - 4 = 4, so J4 (2 procs,
        // ending after the shadow) may take extra procs: backfilled at 50. J1 then outlives its estimate
        // and holds J3 back (the misprediction's cost, not J4's): at 150 only 2 procs are free, so J3
        // starts at 250 when J1 ends.
        //   J1 |0============================250|
        //   J2 |0==============150|
        //   J4     |50=============================...550|
        //   J3                                   |250====350|
        // J4 at 120, after the correction: J1's est is 160, so J3's reservation is J2's end 150
        // (2 + 2 = 4 procs) with 0 extra: J4 would delay J3, so it waits. J3 starts at 150; J1 ends at
        // 250 together with J3; J4 starts at 250.
        //   J1 |0============================250|
        //   J2 |0==============150|
        //   J3                    |150=======250|
        //   J4                                   |250====750|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 6, run: 250, requested: 1000)
            .Job(submit: 0, processors: 2, run: 150, requested: 150)
            .Job(submit: 10, processors: 4, run: 100, requested: 100)
            .Job(submit: submitJ4, processors: 2, run: 500, requested: 500)
            .Build();
        var reservations = new List<string>();
        var policy = new ProbePolicy(new EasyPlusPlusPolicy(), context =>
        {
            if (context.Trigger == DecisionTrigger.Submission && context.TriggerJob!.Id == 4)
            {
                var reservation = context.Profile.EarliestReservation(4, context.Now);
                reservations.Add(FormattableString.Invariant($"{reservation.Start.WholeSeconds}+{reservation.ExtraProcessors}"));
            }
        });

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(10), policy, Estimator(new() { [1] = 100 }, TsafrirSteps));

        Assert.Equal([submitJ4 == 50 ? "100+4" : "150+0"], reservations);
        Assert.Equal(
            [Instant.FromSeconds(0), Instant.FromSeconds(0), Instant.FromSeconds(expectedHeadStart), Instant.FromSeconds(expectedStart)],
            result.Starts);
        Assert.Equal(expectedBackfilled, result.Backfilled[3]);
        Assert.Equal([2, 0, 0, 0], result.Prediction!.Corrections);
    }

    private static RunTimeEstimator Estimator(Dictionary<long, double> predictions, ICorrector corrector) =>
        new(new TablePredictor(predictions), corrector);

    private static Instant ProfileEndOf(SchedulingContext context, JobRequest job)
    {
        foreach (var running in context.Profile)
        {
            if (ReferenceEquals(running.Request, job))
            {
                return running.EstimatedEnd;
            }
        }

        throw new InvalidOperationException($"{job} is not running");
    }

    private static string Describe(SchedulingContext context)
    {
        var subject = context.Trigger switch
        {
            DecisionTrigger.Submission => " " + context.TriggerJob!.Id.ToString(CultureInfo.InvariantCulture),
            DecisionTrigger.Termination => " " + context.Ended.Request.Id.ToString(CultureInfo.InvariantCulture),
            _ => string.Empty,
        };
        return FormattableString.Invariant($"decide {context.Now.WholeSeconds} {context.Trigger}{subject}");
    }

    private static void StrictFirstComeFirstServed(SchedulingContext context)
    {
        while (context.Waiting.Head is { } head && head.Processors <= context.Profile.FreeAt(context.Now))
        {
            context.Start(head);
        }
    }

    /// <summary>Lets the test look at the context, then runs a policy.</summary>
    private sealed class ProbePolicy(IPolicy inner, Action<SchedulingContext> before) : IPolicy
    {
        public string Id => inner.Id;

        public void Decide(SchedulingContext context)
        {
            before(context);
            inner.Decide(context);
        }
    }
}
