using Augur.Policies.Backfilling;
using Augur.Testing;

namespace Augur.Policies.Tests.Backfilling;

/// <summary>
/// Hand-computed conservative-backfilling schedules. Each job's reservation is fixed at its submission
/// (the earliest hole that delays no earlier reservation) and only moves earlier when a job ends early.
/// Timelines: one row per job, "|start====end|" in seconds.
/// </summary>
public sealed class ConservativeBackfillingPolicyTests
{
    [Fact]
    public void Decide_EveryJobReservedAtSubmission_LaterJobsFillHolesThatDelayNoReservation()
    {
        // 10 procs. Free procs over time after each submission:
        //   J1 (6, 100 s) at 0   -> reserved 0:   [0,100) 4 free, then 10
        //   J2 (8,  50 s) at 10  -> reserved 100: [10,100) 4, [100,150) 2, then 10
        //   J3 (4,  80 s) at 20  -> fits [20,100) exactly: reserved 20 (starts now, overtaking J2)
        //   J4 (4, 100 s) at 30  -> [30,100) 0, [100,150) 2: reserved 150
        //   J5 (2,  50 s) at 40  -> [100,150) has 2 free for 50 s: reserved 100 (overtakes J4)
        //   J1 |0==========100|
        //   J2                |100==150|
        //   J3    |20=========100|
        //   J4                         |150=====250|
        //   J5                |100==150|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 6, run: 100, requested: 100)
            .Job(submit: 10, processors: 8, run: 50, requested: 50)
            .Job(submit: 20, processors: 4, run: 80, requested: 80)
            .Job(submit: 30, processors: 4, run: 100, requested: 100)
            .Job(submit: 40, processors: 2, run: 50, requested: 50)
            .Build();

        var schedule = Schedule.Run(workload, 10, new ConservativeBackfillingPolicy());

        schedule.AssertStarts((1, 0), (2, 100), (3, 20), (4, 150), (5, 100));
        schedule.AssertBackfilled(3, 5);
    }

    [Fact]
    public void Decide_SmallJobWouldOverlapAnEarlierReservation_WaitsForItsOwnHole()
    {
        // 10 procs. J1 (6) runs 0..100; J2 (8) reserved at 100..150. J3 (4 procs, 81 s) at 20 fits in the
        // 4 idle procs now but would hold them until 101, into J2's reservation (only 2 free at 100): its
        // earliest hole is 150.
        //   J1 |0==========100|
        //   J2                |100==150|
        //   J3                         |150======231|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 6, run: 100, requested: 100)
            .Job(submit: 10, processors: 8, run: 50, requested: 50)
            .Job(submit: 20, processors: 4, run: 81, requested: 81)
            .Build();

        var schedule = Schedule.Run(workload, 10, "backfill/conservative");

        schedule.AssertStarts((1, 0), (2, 100), (3, 150));
        schedule.AssertBackfilled();
    }

    [Fact]
    public void Decide_JobEndsEarly_CompressionMovesEveryReservationEarlier()
    {
        // 10 procs. J1 (10 procs, requested 100) really ends at 50.
        // Reservations at submission:  J2 (6, 100 s) 100;  J3 (4, 50 s) 100;  J4 (6, 30 s) 200
        //   (at 100..150 J2 + J3 fill the machine, at 150..200 only 4 are free, so J4 goes to 200).
        // At 50 J1 ends: its [50,100) is released and every waiting job, in queue order, moves to its
        // earliest fit: J2 -> 50, J3 -> 50, J4 -> 150 (J2 holds 6 until 150). Nothing moves later.
        //   J1 |0====50|
        //   J2         |50===========150|
        //   J3         |50====100|
        //   J4                          |150=180|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 10, run: 50, requested: 100)
            .Job(submit: 10, processors: 6, run: 100, requested: 100)
            .Job(submit: 20, processors: 4, run: 50, requested: 50)
            .Job(submit: 30, processors: 6, run: 30, requested: 30)
            .Build();

        var schedule = Schedule.Run(workload, 10, new ConservativeBackfillingPolicy());

        schedule.AssertStarts((1, 0), (2, 50), (3, 50), (4, 150));
        schedule.AssertBackfilled();
    }

    [Fact]
    public void Decide_EarlyEndTooSmallForTheFirstJob_LaterJobCompressesPastItAndIsBackfilled()
    {
        // 10 procs. J1 (4 procs, requested 100) ends early at 20; J2 (6) runs 0..100.
        // Reservations at 10: J3 (10 procs, 50 s) 100..150; J4 (4 procs, 50 s) 150..200.
        // At 20 J1's 4 procs are free until 100: J3 cannot use them (needs 10) and keeps 100 — never later;
        // J4 fits [20,70) and moves to 20, overtaking J3: backfilled.
        //   J1 |0=20|
        //   J2 |0==========100|
        //   J3                |100==150|
        //   J4    |20===70|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 4, run: 20, requested: 100)
            .Job(submit: 0, processors: 6, run: 100, requested: 100)
            .Job(submit: 10, processors: 10, run: 50, requested: 50)
            .Job(submit: 10, processors: 4, run: 50, requested: 50)
            .Build();

        var schedule = Schedule.Run(workload, 10, new ConservativeBackfillingPolicy());

        schedule.AssertStarts((1, 0), (2, 0), (3, 100), (4, 20));
        schedule.AssertBackfilled(4);
    }

    [Fact]
    public void Decide_CompressionMovesALaterJob_NextPassMovesTheEarlierJobIntoTheSlotItLeft()
    {
        // Compression repeats passes in queue order until none moves (docs/policies.md): a later job moving
        // earlier can open a slot that an earlier job, already visited in the pass, can use.
        // 10 procs. J1 (5 procs) runs 0..50 on time. J2 (5 procs, requested 100) ends early at 10.
        // At submission: J3 (10 procs, 30 s) reserved 100..130; J4 (5 procs, 50 s) reserved 50..100.
        // At 10 (J2 ends early), pass 1: J3 cannot start before 100 (J4 holds 5 procs over 50..100) and stays;
        // J4 moves to 10..60 (backfilled). Pass 2: J3 now fits from 60 (J4's end) and moves to 60.
        // Pass 3 moves nothing. (One single pass would leave J3 at 100 and the machine idle over 60..100;
        // pyss gets J3 to 60 too, by compressing again at J1's termination at 50.)
        //   J1 |0=====50|
        //   J2 |0=10|
        //   J3                  |60====90|
        //   J4     |10======60|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 5, run: 50, requested: 50)
            .Job(submit: 0, processors: 5, run: 10, requested: 100)
            .Job(submit: 1, processors: 10, run: 30, requested: 30)
            .Job(submit: 2, processors: 5, run: 50, requested: 50)
            .Build();

        var schedule = Schedule.Run(workload, 10, new ConservativeBackfillingPolicy());

        schedule.AssertStarts((1, 0), (2, 0), (3, 60), (4, 10));
        schedule.AssertBackfilled(4);
    }

    [Fact]
    public void Decide_SubmissionAtARequestedEnd_ReservedAndStartedAtOnce()
    {
        // 10 procs. J1 (10) reaches its requested end at 100, when J2 (10) is submitted: the reservation
        // profile has J1's procs back at 100, so J2 is reserved at 100 and starts then.
        //   J1 |0====100|
        //   J2          |100==130|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 10, run: 100, requested: 100)
            .Job(submit: 100, processors: 10, run: 30, requested: 30)
            .Build();

        var schedule = Schedule.Run(workload, 10, new ConservativeBackfillingPolicy());

        schedule.AssertStarts((1, 0), (2, 100));
    }

    [Fact]
    public void Decide_JobRunsPastItsRequest_IsKilledAndNextReservationHolds()
    {
        // 4 procs. J1 requested 100 but would run 300: killed at 100; J2 (reserved at 100) starts then.
        //   J1 |0====100|
        //   J2          |100==140|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 4, run: 300, requested: 100)
            .Job(submit: 5, processors: 4, run: 40, requested: 40)
            .Build();

        var schedule = Schedule.Run(workload, 4, new ConservativeBackfillingPolicy());

        schedule.AssertStarts((1, 0), (2, 100));
        Assert.True(schedule.KilledOf(1));
        Assert.Equal(100, schedule.EndOf(1));
    }

    [Fact]
    public void Id_IsBackfillConservative()
    {
        var policy = new ConservativeBackfillingPolicy();

        Assert.Equal("backfill/conservative", policy.Id);
        Assert.True(policy.Order.IsArrivalOrder);
    }
}
