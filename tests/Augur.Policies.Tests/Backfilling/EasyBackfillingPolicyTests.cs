using Augur.Core.Scheduling;
using Augur.Policies.Backfilling;
using Augur.Policies.Queueing;
using Augur.Testing;

namespace Augur.Policies.Tests.Backfilling;

/// <summary>
/// Hand-computed EASY schedules with pyss's rules (../shared/traces/SOURCES.md, the pyss section).
/// Timelines: one row per job, "|start====end|" in seconds; procs = processors.
/// </summary>
public sealed class EasyBackfillingPolicyTests
{
    [Theory]
    [InlineData(50, 20)] // ends at 70, before the shadow time 100: backfilled
    [InlineData(80, 20)] // ends exactly at the shadow time 100: still backfilled
    [InlineData(81, 150)] // ends at 101 and needs 4 > 2 extra procs: it would delay J2, so it waits
    public void Decide_CandidateEndingBeforeOrAtShadowTime_IsBackfilledElseWaits(long requested, long expectedStart)
    {
        // 10 procs. J1 (6 procs) runs 0..100. J2 (8 procs) arrives at 10 and cannot start: 4 idle.
        // J2's reservation ("shadow time") is 100, when J1's 6 procs return; extra procs at 100 = 10 - 8 = 2.
        // J3 (4 procs) arrives at 20 and fits in the 4 idle procs now.
        //   J1 |0======================100|
        //   J2                            |100====150|
        //   J3      |20====70|                          requested 50
        //   J3      |20=========100|                    requested 80
        //   J3                                       |150==231|  requested 81
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 6, run: 100, requested: 100)
            .Job(submit: 10, processors: 8, run: 50, requested: 50)
            .Job(submit: 20, processors: 4, run: requested, requested: requested)
            .Build();

        var schedule = Schedule.Run(workload, 10, new EasyBackfillingPolicy());

        schedule.AssertStarts((1, 0), (2, 100), (3, expectedStart));
        Assert.Equal(expectedStart == 20, schedule.BackfilledOf(3));
        Assert.False(schedule.BackfilledOf(2));
    }

    [Fact]
    public void Decide_HeadBlocked_ReservedAtTheFirstPlannedEndThatFreesEnoughProcessors()
    {
        // 10 procs. J1 (3) runs 0..60, J2 (3) runs 0..100 (planned 0..150: requested 150), J3 (2) 0..200.
        // J4 (8 procs) waits from 10. Free now: 2. Planned releases: 60 (+3 -> 5), 150 (+3 -> 8), 200.
        // J4's reservation (shadow time) is 150, where 8 are free, leaving 0 extra. The probe reads it
        // from the profile when J5 (1 proc, 300 s) is submitted at 20: J5 would end at 320 > 150 and
        // there are no extra procs, so it waits even though 2 procs are idle. J2 ends early at 100: 8 free,
        // J4 starts; J5 waits for J4's end at 160.
        //   J1 |0=====60|
        //   J2 |0=========100|          (planned to 150)
        //   J3 |0==================200|
        //   J4            |100==160|
        //   J5                  |160============460|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 3, run: 60, requested: 60)
            .Job(submit: 0, processors: 3, run: 100, requested: 150)
            .Job(submit: 0, processors: 2, run: 200, requested: 200)
            .Job(submit: 10, processors: 8, run: 60, requested: 60)
            .Job(submit: 20, processors: 1, run: 300, requested: 300)
            .Build();
        var reservations = new List<(long Now, Reservation Reservation)>();
        var policy = new ProbePolicy(new EasyBackfillingPolicy(), context =>
        {
            if (context.Waiting.Head is { } head && head.Processors > context.Profile.FreeAt(context.Now))
            {
                reservations.Add((context.Now.WholeSeconds, context.Profile.EarliestReservation(head.Processors, context.Now)));
            }
        });

        var schedule = Schedule.Run(workload, 10, policy);

        Assert.Contains((20L, new Reservation(Core.Time.Instant.FromSeconds(150), 0)), reservations);
        schedule.AssertStarts((1, 0), (2, 0), (3, 0), (4, 100), (5, 160));
    }

    [Fact]
    public void Decide_DocumentedTieExample_MatchesSimulationMd()
    {
        // docs/simulation.md: A (6 procs, requested 100) ends early at 50, when B (4 procs, 20 s) arrives.
        // B's submission is handled first: 4 free, H (8) blocked with shadow 100 and 2 extra, B ends at 70
        // <= 100: backfilled. Then A's termination: 6 free < 8. H starts when B ends, at 70.
        //   A |0=====50|
        //   H                 |70=80|
        //   B          |50==70|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 6, run: 50, requested: 100)
            .Job(submit: 1, processors: 8, run: 10, requested: 100)
            .Job(submit: 50, processors: 4, run: 20, requested: 20)
            .Build();

        var schedule = Schedule.Run(workload, 10, "backfill/easy");

        schedule.AssertStarts((1, 0), (2, 70), (3, 50));
        schedule.AssertBackfilled(3);
        Assert.Equal(80, schedule.EndOf(2));
    }

    [Fact]
    public void Decide_CandidateEndingAfterShadowTimeOnExtraProcessors_IsBackfilled()
    {
        // 10 procs. J1 (6) runs 0..100; J2 (8) waits with shadow time 100 and 2 extra procs.
        // J3 (2 procs, 500 s) ends long after 100, but J2 will not need its 2 procs: backfilled at 20.
        // J4 (2 procs, 500 s) at 30: the reservation is now (100, extra 0); J4 would take J2's procs: waits.
        // At 100 J2 starts (8 = 10 - J3's 2); J4 waits for J2's end at 150.
        //   J1 |0==========100|
        //   J2                |100==150|
        //   J3   |20===========================================520|
        //   J4                         |150===========================650|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 6, run: 100, requested: 100)
            .Job(submit: 10, processors: 8, run: 50, requested: 50)
            .Job(submit: 20, processors: 2, run: 500, requested: 500)
            .Job(submit: 30, processors: 2, run: 500, requested: 500)
            .Build();

        var schedule = Schedule.Run(workload, 10, new EasyBackfillingPolicy());

        schedule.AssertStarts((1, 0), (2, 100), (3, 20), (4, 150));
        schedule.AssertBackfilled(3);
    }

    [Fact]
    public void Decide_TwoCandidatesForTheSameExtraProcessors_OnlyTheFirstIsBackfilled()
    {
        // 10 procs. J1 (4) runs 0..50, J2 (6) runs 0..100: none idle. J3 (8), J4 (2, 500 s), J5 (2, 500 s)
        // arrive at 1, 2, 3 and wait (nothing fits on arrival).
        // At 50 J1 ends: 4 idle. J3 is blocked; its shadow time is 100 (J2's end) with 10 - 8 = 2 extra.
        // J4 takes the 2 extra procs (backfilled); the extra count drops to 0, so J5 — which also fits in
        // the 2 idle procs left — would delay J3 and must wait.
        // At 100 J3 starts (10 - J4's 2 = 8); J5 waits for J3's end at 200.
        //   J1 |0===50|
        //   J2 |0=========100|
        //   J3               |100======200|
        //   J4        |50=================================550|
        //   J5                            |200=============================700|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 4, run: 50, requested: 50)
            .Job(submit: 0, processors: 6, run: 100, requested: 100)
            .Job(submit: 1, processors: 8, run: 100, requested: 100)
            .Job(submit: 2, processors: 2, run: 500, requested: 500)
            .Job(submit: 3, processors: 2, run: 500, requested: 500)
            .Build();

        var schedule = Schedule.Run(workload, 10, new EasyBackfillingPolicy());

        schedule.AssertStarts((1, 0), (2, 0), (3, 100), (4, 50), (5, 200));
        schedule.AssertBackfilled(4);
    }

    [Fact]
    public void Decide_SubmissionAtARequestedEnd_StartsAtOnceInTheSubmissionPass()
    {
        // 10 procs. J1 (10) runs 0..100 and reaches its requested end at 100. J2 (10) is submitted at 100.
        // Events at 100: the submission first, then J1's termination. The profile counts J1's procs free at
        // 100 ([0, 100) is half-open), so J2 starts in the submission pass, before J1's termination.
        //   J1 |0==========100|
        //   J2                |100====150|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 10, run: 100, requested: 100)
            .Job(submit: 100, processors: 10, run: 50, requested: 50)
            .Build();
        var policy = new RecordingPolicy(new EasyBackfillingPolicy());

        var schedule = Schedule.Run(workload, 10, policy);

        schedule.AssertStarts((1, 0), (2, 100));
        Assert.Equal(["Submission 2: started 2", "Termination 1: started none"], policy.DescribeAt(100));
    }

    [Fact]
    public void Decide_EarlyEndAtTheInstantOfASubmission_SubmissionDoesNotSeeTheFreedProcessors()
    {
        // 10 procs. J1 (4 procs, requested 200) and J2 (6 procs, requested 300) both run 0..100: they end
        // EARLY at 100. J3 (10 procs) waits from 10. J4 (4 procs, 50 s) is submitted at 100.
        // Events at 100, in order: submission of J4, termination of J1, termination of J2.
        //  - Submission J4: J1 and J2 still hold their procs in the profile (planned ends 200, 300):
        //    0 free < 4, so nothing happens (had it seen 10 free procs, J3 would have started first).
        //  - Termination J1: 4 free; J3 blocked with shadow time 300 (J2's planned end); J4 ends at 150 <= 300:
        //    backfilled at 100.
        //  - Termination J2: 6 free < 10; J3's shadow time is now 150 (J4's end).
        //   J1 |0====100|
        //   J2 |0====100|
        //   J3                   |150==========250|
        //   J4          |100=150|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 4, run: 100, requested: 200)
            .Job(submit: 0, processors: 6, run: 100, requested: 300)
            .Job(submit: 10, processors: 10, run: 100, requested: 100)
            .Job(submit: 100, processors: 4, run: 50, requested: 50)
            .Build();
        var policy = new RecordingPolicy(new EasyBackfillingPolicy());

        var schedule = Schedule.Run(workload, 10, policy);

        schedule.AssertStarts((1, 0), (2, 0), (3, 150), (4, 100));
        schedule.AssertBackfilled(4);
        Assert.Equal(
            ["Submission 4: started none", "Termination 1: started 4", "Termination 2: started none"],
            policy.DescribeAt(100));
    }

    [Fact]
    public void Decide_SubmittedJobDoesNotFitButHeadWould_NothingStartsUntilTheTermination()
    {
        // 10 procs. J1 (4) runs 0..100 (its requested end); J2 (4) runs 0..1000. J3 (6 procs) waits from 10
        // (2 idle). J4 (7 procs) is submitted at 100.
        // Submission J4 at 100: the profile counts J1's procs free (2 + 4 = 6). J3, the head, would fit in
        // those 6, but J4 (7) does not: pyss's rule says nothing happens on this submission.
        // Termination J1 at 100 (same instant): the pass starts J3. J4 waits for J2 at 1000.
        //   J1 |0====100|
        //   J2 |0===========================================1000|
        //   J3          |100====150|
        //   J4                                                   |1000=1010|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 4, run: 100, requested: 100)
            .Job(submit: 0, processors: 4, run: 1000, requested: 1000)
            .Job(submit: 10, processors: 6, run: 50, requested: 50)
            .Job(submit: 100, processors: 7, run: 10, requested: 10)
            .Build();
        var policy = new RecordingPolicy(new EasyBackfillingPolicy());

        var schedule = Schedule.Run(workload, 10, policy);

        schedule.AssertStarts((1, 0), (2, 0), (3, 100), (4, 1000));
        Assert.Equal(["Submission 4: started none", "Termination 1: started 3"], policy.DescribeAt(100));
    }

    [Fact]
    public void Decide_SubmittedJobFits_PassStartsTheHeadFirst()
    {
        // Same as above but J4 needs 2 procs, which fit in the 6 the profile counts free at 100: the
        // submission triggers a full pass. The pass starts the head J3 (6 procs) first; J4 (2) then finds
        // 0 free and waits for J3's end at 150.
        //   J3          |100====150|
        //   J4                     |150=160|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 4, run: 100, requested: 100)
            .Job(submit: 0, processors: 4, run: 1000, requested: 1000)
            .Job(submit: 10, processors: 6, run: 50, requested: 50)
            .Job(submit: 100, processors: 2, run: 10, requested: 10)
            .Build();
        var policy = new RecordingPolicy(new EasyBackfillingPolicy());

        var schedule = Schedule.Run(workload, 10, policy);

        schedule.AssertStarts((1, 0), (2, 0), (3, 100), (4, 150));
        Assert.Equal(["Submission 4: started 3", "Termination 1: started none"], policy.DescribeAt(100));
    }

    [Fact]
    public void Decide_JobRunsPastItsRequest_IsKilledAtTheRequest()
    {
        // 4 procs. J1 would run 500 s but requested 100: killed at 100. J2 (4 procs) starts then.
        //   J1 |0====100|  (killed; would have run to 500)
        //   J2          |100==150|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 4, run: 500, requested: 100)
            .Job(submit: 10, processors: 4, run: 50, requested: 50)
            .Build();

        var schedule = Schedule.Run(workload, 4, new EasyBackfillingPolicy());

        schedule.AssertStarts((1, 0), (2, 100));
        Assert.True(schedule.KilledOf(1));
        Assert.False(schedule.KilledOf(2));
        Assert.Equal(100, schedule.EndOf(1));
        Assert.Equal(150, schedule.EndOf(2));
    }

    [Fact]
    public void Decide_RunningJobWithoutRequestedTime_HeadGetsNoPromiseAndFittingJobsBackfill()
    {
        // 10 procs. J1 (6 procs) has no requested time: its end is unknown, so J2 (8) can be promised no
        // start. J3 (4 procs, 1000 s) fits now and cannot delay a start that does not exist: backfilled at 2.
        // J1 ends at 100 (not killed: no limit). J2 needs 8 and waits until J3 ends at 1002.
        //   J1 |0===100|
        //   J2                                   |1002=1012|
        //   J3 |2================================1002|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 6, run: 100)
            .Job(submit: 1, processors: 8, run: 10, requested: 10)
            .Job(submit: 2, processors: 4, run: 1000, requested: 1000)
            .Build();

        var schedule = Schedule.Run(workload, 10, new EasyBackfillingPolicy());

        schedule.AssertStarts((1, 0), (2, 1002), (3, 2));
        schedule.AssertBackfilled(3);
        Assert.False(schedule.KilledOf(1));
        Assert.Equal(100, schedule.EndOf(1));
    }

    [Fact]
    public void Decide_ArrivalOrder_BackfillsTheEarliestArrivalFirst()
    {
        // 10 procs. J1 (4) runs 0..50, J2 (6) runs 0..100. Waiting from 1, 2, 3: J3 (8 procs, 10 s),
        // J4 (4 procs, 40 s), J5 (4 procs, 30 s).
        // At 50: 4 free; J3 blocked, shadow 100, extra 2. In arrival order J4 comes first: it ends at 90
        // <= 100, backfilled. At 90: J5 would end at 120 > 100 with 4 > 2 extra: no. At 100: J3 starts; J5
        // (4) does not fit in the 2 left and starts at J3's end, 110.
        //   J3               |100=110|
        //   J4        |50====90|
        //   J5                       |110=140|
        var schedule = Schedule.Run(OrderScenario(), 10, new EasyBackfillingPolicy());

        schedule.AssertStarts((1, 0), (2, 0), (3, 100), (4, 50), (5, 110));
        schedule.AssertBackfilled(4);
    }

    [Fact]
    public void Decide_ShortestRequestOrder_BackfillsTheShortestFirst()
    {
        // Same jobs with order/sjf: the queue is J3 (10 s), J5 (30 s), J4 (40 s). J3 is still blocked at 50
        // (shadow 100, extra 2); J5 comes before J4 now: it ends at 80 <= 100, backfilled. At 80: J4 would end
        // at 120 > 100: no. At 100: J3 starts; J4 starts at 110.
        //   J3               |100=110|
        //   J4                       |110===150|
        //   J5        |50==80|
        var schedule = Schedule.Run(OrderScenario(), 10, new EasyBackfillingPolicy(new ShortestRequestOrder()));

        schedule.AssertStarts((1, 0), (2, 0), (3, 100), (4, 110), (5, 50));
        schedule.AssertBackfilled(5);
    }

    [Fact]
    public void Id_IsBackfillEasy_AndDefaultOrderIsArrival()
    {
        var policy = new EasyBackfillingPolicy();

        Assert.Equal("backfill/easy", policy.Id);
        Assert.True(policy.Order.IsArrivalOrder);
    }

    /// <summary>Lets the test look at the context before the wrapped policy decides.</summary>
    private sealed class ProbePolicy(IPolicy inner, Action<SchedulingContext> before) : IPolicy
    {
        public string Id => inner.Id;

        public void Decide(SchedulingContext context)
        {
            before(context);
            inner.Decide(context);
        }
    }

    private static Core.Jobs.Workload OrderScenario() => new WorkloadBuilder()
        .Job(submit: 0, processors: 4, run: 50, requested: 50)
        .Job(submit: 0, processors: 6, run: 100, requested: 100)
        .Job(submit: 1, processors: 8, run: 10, requested: 10)
        .Job(submit: 2, processors: 4, run: 40, requested: 40)
        .Job(submit: 3, processors: 4, run: 30, requested: 30)
        .Build();
}
