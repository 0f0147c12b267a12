using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Policies.Backfilling;
using Augur.Simulation;
using Augur.Simulation.Engine;
using Augur.Testing;

namespace Augur.Policies.Tests.Backfilling;

/// <summary>
/// Hand-computed EASY++ schedules: the head in arrival order, backfill candidates shortest predicted run
/// first (ties in arrival order), nothing on an expiry, a pass at every submission.
/// Timelines: "|start====end|" in seconds; procs = processors; pred = predicted run time.
/// </summary>
public sealed class EasyPlusPlusPolicyTests
{
    [Fact]
    public void Id_IsBackfillEasyPlusPlusAndTheCatalogueBuildsIt()
    {
        Assert.Equal("backfill/easy++", new EasyPlusPlusPolicy().Id);
        Assert.IsType<EasyPlusPlusPolicy>(PolicyCatalogue.Create("backfill/easy++", null));
    }

    [Theory]
    [InlineData(40, 30, 200, 50)] // J5 predicted shorter: it wins the one slot though J4 arrived first
    [InlineData(30, 30, 50, 200)] // a tie: arrival order, J4 first
    [InlineData(30, 40, 50, 200)] // J4 shorter and earlier
    public void Decide_TwoCandidatesOneSlot_ShortestPredictedFirstTiesInArrivalOrder(long predicted4, long predicted5, long start4, long start5)
    {
        // 10 procs. J1 (6 procs) 0..100, J2 (4 procs) 0..50: nothing free. J3 (8 procs, the head) from 10.
        // J4 and J5 (4 procs each, runs = predictions, requests 200) arrive at 20 and 30, when nothing fits.
        // At 50 J2 ends: 4 free. J3's reservation is J1's end 100 with 2 extra procs. A candidate fits only
        // if it ends by 100: the first in shortest-predicted order (both end by 100) takes all 4 procs.
        // The other gets another chance at the first one's end (80 or 90) but would end past 100 and
        // needs 4 > 2 extra procs: it waits for J3 to end at 200.
        //   J1 |0=========100|
        //   J2 |0===50|
        //   J3             |100=====200|
        //   winner   |50==80/90|
        //   other                  |200==...|
        var workload = CandidatesWorkload(predicted4, predicted5);
        var predictions = new Dictionary<long, double> { [4] = predicted4, [5] = predicted5 };

        var result = Run(workload, 10, new EasyPlusPlusPolicy(), EasyPlusPlusFakes.Table(predictions));

        AssertStarts(result, 0, 0, 100, start4, start5);
        Assert.Equal([false, false, false, start4 == 50, start5 == 50], result.Backfilled);
    }

    [Fact]
    public void Decide_TwoCandidatesOneSlot_EasyTakesTheEarlierArrivalInstead()
    {
        // The first case above under backfill/easy with the same predictions: arrival order, J4 wins.
        var workload = CandidatesWorkload(40, 30);
        var predictions = new Dictionary<long, double> { [4] = 40, [5] = 30 };

        var result = Run(workload, 10, new EasyBackfillingPolicy(), EasyPlusPlusFakes.Table(predictions));

        AssertStarts(result, 0, 0, 100, 50, 200);
    }

    [Fact]
    public void Decide_HeadFitsAtATermination_StartsBeforeAShorterLaterJob()
    {
        // 10 procs. J1 (all 10) 0..100. J2 (6 procs, pred 500) from 10; J3 (6 procs, pred 10) from 20.
        // At 100 only one of them fits: the head J2, in arrival order, though J3 is far shorter. J3 waits.
        //   J1 |0==100|
        //   J2        |100=========600|
        //   J3                        |600=610|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 10, run: 100, requested: 100)
            .Job(submit: 10, processors: 6, run: 500, requested: 500)
            .Job(submit: 20, processors: 6, run: 10, requested: 10)
            .Build();

        var result = Run(workload, 10, new EasyPlusPlusPolicy(), EasyPlusPlusFakes.Request());

        AssertStarts(result, 0, 100, 600);
        Assert.DoesNotContain(true, result.Backfilled);
    }

    [Fact]
    public void Decide_ShortestCandidateWouldDelayTheHead_IsSkippedAndALongerOneUsesTheExtraProcessors()
    {
        // 10 procs. J1 (6 procs) 0..100. J2 (8 procs, the head) from 10: reserved at 100, 2 extra procs.
        // J3 (4 procs, pred 200) from 20: shortest candidate, but ends after 100 and needs 4 > 2 extra: skipped.
        // J4 (2 procs, pred 300) from 30: longer, yet it fits in the 2 extra procs: backfilled at 30.
        // J2 starts exactly at its reservation, 100; J3 follows J2 at 150.
        //   J1 |0=========100|
        //   J2             |100==150|
        //   J3                      |150======350|
        //   J4    |30=====================330|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 6, run: 100, requested: 100)
            .Job(submit: 10, processors: 8, run: 50, requested: 50)
            .Job(submit: 20, processors: 4, run: 200, requested: 200)
            .Job(submit: 30, processors: 2, run: 300, requested: 300)
            .Build();

        var result = Run(workload, 10, new EasyPlusPlusPolicy(), EasyPlusPlusFakes.Request());

        AssertStarts(result, 0, 100, 150, 30);
        Assert.Equal([false, false, false, true], result.Backfilled);
    }

    [Fact]
    public void Decide_SubmissionThatDoesNotFitAfterAnExpiry_RunsTheBackfillPassUnlikeEasy()
    {
        // 10 procs, corrector = the request. J1 (6 procs) predicted 100, truly runs 1000 (request 2000).
        // J2 (8 procs, the head) from 10: reserved at J1's est 100, 2 extra. J3 (4 procs, 500 s) from 20:
        // ends after 100 and needs 4 > 2 extra procs: refused.
        // At 100 J1 outlives its estimate: est 2000. Nothing happens then (EASY and EASY++ do nothing on an
        // expiry), although J3 would now end (600) before the new shadow time 2000.
        // J4 (8 procs) arrives at 150 and does not fit. EASY++ runs its pass: J3 ends by 650 <= 2000:
        // backfilled at 150. EASY ignores a submission that does not fit: J3 waits.
        //   EASY++: J1 |0====1000|  J2 |1000=1100|  J3 |150==650|  J4 |1100=1200|
        //   EASY:   J1 |0====1000|  J2 |1000=1100|  J3 |1100==1600|  J4 |1600=1700|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 6, run: 1000, requested: 2000)
            .Job(submit: 10, processors: 8, run: 100, requested: 100)
            .Job(submit: 20, processors: 4, run: 500, requested: 500)
            .Job(submit: 150, processors: 8, run: 100, requested: 100)
            .Build();
        var predictions = new Dictionary<long, double> { [1] = 100 };

        var easyPlusPlus = Run(workload, 10, new EasyPlusPlusPolicy(), EasyPlusPlusFakes.Table(predictions));
        var easy = Run(workload, 10, new EasyBackfillingPolicy(), EasyPlusPlusFakes.Table(predictions));

        AssertStarts(easyPlusPlus, 0, 1000, 150, 1100);
        Assert.Equal([false, false, true, false], easyPlusPlus.Backfilled);
        AssertStarts(easy, 0, 1000, 1100, 1600);
        Assert.Equal(1, easyPlusPlus.Prediction!.Corrections[0]);
    }

    [Fact]
    public void Decide_EstimateExpired_StartsNothing()
    {
        // The same run with a policy that records what EASY++ started at each decision: nothing at 100.
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 6, run: 1000, requested: 2000)
            .Job(submit: 10, processors: 8, run: 100, requested: 100)
            .Job(submit: 20, processors: 4, run: 500, requested: 500)
            .Job(submit: 150, processors: 8, run: 100, requested: 100)
            .Build();
        var recording = new RecordingPolicy(new EasyPlusPlusPolicy());

        Run(workload, 10, recording, EasyPlusPlusFakes.Table(new() { [1] = 100 }));

        Assert.Equal(["EstimateExpired -: started none"], recording.DescribeAt(100));
        Assert.Equal(["Submission 4: started 3"], recording.DescribeAt(150));
    }

    [Fact]
    public void Decide_PredictionsShorterThanRequests_BackfillsWhatEasyWithRequestsWouldNot()
    {
        // 10 procs. J1 (6 procs, request 1000) runs 100 s. J2 (8 procs, 100 s) from 10. J3 (4 procs, request
        // 2000) runs 50 s from 20.
        // Predicted (J1 100 s, J3 50 s): J2 is reserved at 100 and J3 ends by 70: backfilled at 20.
        // Planned with the requests: J2 is reserved at 1000 with 2 extra procs; J3 would end at 2020 and
        // needs 4 > 2: it waits. J1 really ends at 100, J2 starts, and J3 follows J2 at 200.
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 6, run: 100, requested: 1000)
            .Job(submit: 10, processors: 8, run: 100, requested: 100)
            .Job(submit: 20, processors: 4, run: 50, requested: 2000)
            .Build();

        var predicted = Run(workload, 10, new EasyPlusPlusPolicy(), EasyPlusPlusFakes.Table(new() { [1] = 100, [3] = 50 }));
        var requested = Run(workload, 10, new EasyPlusPlusPolicy(), EasyPlusPlusFakes.Request());

        AssertStarts(predicted, 0, 100, 20);
        AssertStarts(requested, 0, 100, 200);
    }

    private static Workload CandidatesWorkload(long predicted4, long predicted5) =>
        new WorkloadBuilder()
            .Job(submit: 0, processors: 6, run: 100, requested: 100)
            .Job(submit: 0, processors: 4, run: 50, requested: 50)
            .Job(submit: 10, processors: 8, run: 100, requested: 100)
            .Job(submit: 20, processors: 4, run: predicted4, requested: 200)
            .Job(submit: 30, processors: 4, run: predicted5, requested: 200)
            .Build();

    private static SimulationResult Run(Workload workload, int processors, IPolicy policy, RunTimeEstimator estimator) =>
        Simulator.Run(workload, ClusterSpec.FromProcessors(processors), policy, estimator);

    private static void AssertStarts(SimulationResult result, params long[] seconds)
    {
        Assert.Equal(seconds.Select(Instant.FromSeconds).ToArray(), result.Starts.ToArray());
    }
}
