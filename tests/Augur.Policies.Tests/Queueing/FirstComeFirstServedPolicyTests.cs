using Augur.Policies.Queueing;
using Augur.Testing;

namespace Augur.Policies.Tests.Queueing;

public sealed class FirstComeFirstServedPolicyTests
{
    [Fact]
    public void Decide_HeadDoesNotFit_SmallerLaterJobWaitsBehindIt()
    {
        // 10 processors.
        //   procs 0-5  |J1 ======================(0..100)|J2 ====(100..150)
        //   procs 6-9  |  idle: J3 (2 procs) would fit at 20 |J3 (100..110)
        // J2 (8 procs, submitted at 10) does not fit in the 4 idle processors; J3 (2 procs, at 20) would,
        // but queue/fcfs never lets a later job pass the head: both start when J1 ends at 100.
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 6, run: 100, requested: 100)
            .Job(submit: 10, processors: 8, run: 50, requested: 50)
            .Job(submit: 20, processors: 2, run: 10, requested: 10)
            .Build();

        var schedule = Schedule.Run(workload, 10, new FirstComeFirstServedPolicy());

        schedule.AssertStarts((1, 0), (2, 100), (3, 100));
        schedule.AssertBackfilled();
        Assert.Equal(80, schedule.WaitOf(3));
    }

    [Fact]
    public void Decide_JobsFitOnArrival_StartAtSubmission()
    {
        // 10 processors: J1 (4) at 0, J2 (4) at 5, J3 (2) at 7 all fit as they come; J4 (4) at 8 waits for
        // the first end (J1 at 30).
        //   J1 |0====30|      J2 |5======45|      J3 |7==17|      J4 |30====70|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 4, run: 30, requested: 30)
            .Job(submit: 5, processors: 4, run: 40, requested: 40)
            .Job(submit: 7, processors: 2, run: 10, requested: 10)
            .Job(submit: 8, processors: 4, run: 40, requested: 40)
            .Build();

        var schedule = Schedule.Run(workload, 10, "queue/fcfs");

        // At 17 J3 frees 2: 2 idle < 4, J4 still waits; at 30 J1 frees 4 more.
        schedule.AssertStarts((1, 0), (2, 5), (3, 7), (4, 30));
    }

    [Fact]
    public void Decide_StrictArrivalOrder_LaterShortJobsNeverOvertake()
    {
        // 10 processors, J1 holds all of them until 100. Then J2, J3, J4 (4 procs each) start in arrival
        // order while they fit: J2 and J3 at 100 (8 procs), J4 waits for J3's end at 300.
        //   J2 |100=============400|
        //   J3 |100========300|
        //   J4               |300==400|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 10, run: 100, requested: 100)
            .Job(submit: 1, processors: 4, run: 300, requested: 300)
            .Job(submit: 2, processors: 4, run: 200, requested: 200)
            .Job(submit: 3, processors: 4, run: 100, requested: 100)
            .Build();

        var schedule = Schedule.Run(workload, 10, "queue/fcfs");

        schedule.AssertStarts((1, 0), (2, 100), (3, 100), (4, 300));
    }

    [Fact]
    public void Decide_ShortestRequestOrder_ShortestJobsGoFirst()
    {
        // Same jobs with --order order/sjf: at 100 the queue is J4 (100 s), J3 (200 s), J2 (300 s).
        // J4 and J3 start at 100 (8 procs); J2 waits until J4 ends at 200 (2 + 4 = 6 idle).
        //   J4 |100==200|
        //   J3 |100=======300|
        //   J2          |200==============500|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 10, run: 100, requested: 100)
            .Job(submit: 1, processors: 4, run: 300, requested: 300)
            .Job(submit: 2, processors: 4, run: 200, requested: 200)
            .Job(submit: 3, processors: 4, run: 100, requested: 100)
            .Build();

        var schedule = Schedule.Run(workload, 10, "queue/fcfs", "order/sjf");

        schedule.AssertStarts((1, 0), (2, 200), (3, 100), (4, 100));
        Assert.Equal("queue/fcfs", schedule.Result.PolicyId);
    }

    [Fact]
    public void Decide_ShortestRequestOrderHeadDoesNotFit_LongerJobThatFitsWaits()
    {
        // 10 processors. J1 (8) runs 0..100. J2 (4 procs, 50 s) is the sjf head and does not fit in the
        // 2 idle processors; J3 (2 procs, 500 s) would fit but comes after J2 in the order, so it waits.
        //   J1 |0=========100|
        //   J2              |100==150|
        //   J3              |100=====================600|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 8, run: 100, requested: 100)
            .Job(submit: 1, processors: 4, run: 50, requested: 50)
            .Job(submit: 2, processors: 2, run: 500, requested: 500)
            .Build();

        var schedule = Schedule.Run(workload, 10, new FirstComeFirstServedPolicy(new ShortestRequestOrder()));

        schedule.AssertStarts((1, 0), (2, 100), (3, 100));
    }

    [Fact]
    public void Decide_ShortestRequestOrderTie_ArrivalBreaksIt()
    {
        // 4 processors; J1 holds them until 10. J2 and J3 (4 procs each) both request 50 s: the tie goes to
        // the earlier arrival J2, then J3. J4 (20 s) is shorter and goes before both.
        //   J4 |10==30|  J2 |30====80|  J3 |80====130|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 4, run: 10, requested: 10)
            .Job(submit: 1, processors: 4, run: 50, requested: 50)
            .Job(submit: 2, processors: 4, run: 50, requested: 50)
            .Job(submit: 3, processors: 4, run: 20, requested: 20)
            .Build();

        var schedule = Schedule.Run(workload, 4, "queue/fcfs", "order/sjf");

        schedule.AssertStarts((1, 0), (2, 30), (3, 80), (4, 10));
    }

    [Fact]
    public void Id_IsQueueFcfs_AndDefaultOrderIsArrival()
    {
        var policy = new FirstComeFirstServedPolicy();

        Assert.Equal("queue/fcfs", policy.Id);
        Assert.Equal("order/fcfs", policy.Order.Id);
        Assert.True(policy.Order.IsArrivalOrder);
    }
}
