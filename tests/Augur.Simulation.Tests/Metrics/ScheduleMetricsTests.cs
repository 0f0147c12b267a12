using Augur.Core.Clusters;
using Augur.Policies.Queueing;
using Augur.Simulation.Engine;
using Augur.Simulation.Metrics;
using Augur.Testing;

namespace Augur.Simulation.Tests.Metrics;

public sealed class ScheduleMetricsTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Compute_ThreeJobSchedule_MatchesHandComputedMetrics()
    {
        // 10 procs, queue/fcfs:
        //   J1 10 procs |0==========100|                       wait 0,  run 100
        //   J2  5 procs                |100=105|               wait 90, run 5
        //   J3  5 procs                |100===========300|     wait 80, run 200 (killed at its request;
        //                                                        it would have run 250)
        // waits sorted 0, 80, 90: mean 170/3; median 80; p95 (type 7): position 2·0.95 = 1.9 -> 80 + 0.9·10 = 89
        // bsld (tau 10): J1 max(1, 100/100) = 1; J2 (90+5)/max(5,10) = 9.5; J3 (80+200)/200 = 1.4
        //   mean 11.9/3; median 1.4
        // response: 100, 95, 280 -> mean 475/3
        // proc-seconds 10·100 + 5·5 + 5·200 = 2025; makespan 300 - 0 = 300; utilization 2025 / (10·300) = 0.675
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 10, run: 100, requested: 100)
            .Job(submit: 10, processors: 5, run: 5, requested: 5)
            .Job(submit: 20, processors: 5, run: 250, requested: 200)
            .Build();
        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(10), new FirstComeFirstServedPolicy());

        var metrics = ScheduleMetrics.Compute(result);

        Assert.Equal(3, metrics.Jobs);
        Assert.Equal(170.0 / 3, metrics.WaitMean, Tolerance);
        Assert.Equal(80.0, metrics.WaitMedian, Tolerance);
        Assert.Equal(89.0, metrics.WaitP95, Tolerance);
        Assert.Equal(11.9 / 3, metrics.BoundedSlowdownMean, Tolerance);
        Assert.Equal(1.4, metrics.BoundedSlowdownMedian, Tolerance);
        Assert.Equal(475.0 / 3, metrics.ResponseMean, Tolerance);
        Assert.Equal(0.675, metrics.Utilization, Tolerance);
        Assert.Equal(300.0, metrics.Makespan, Tolerance);
        Assert.Equal(0, metrics.Backfilled);
        Assert.Equal(1, metrics.Killed);
    }

    [Fact]
    public void Compute_FirstSubmitAfterZero_MakespanStartsAtTheFirstSubmit()
    {
        // 4 procs; one 2-proc job submitted at 50 runs 50..150: makespan 100, utilization 200 / 400.
        var workload = new WorkloadBuilder().Job(submit: 50, processors: 2, run: 100, requested: 100).Build();
        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(4), new FirstComeFirstServedPolicy());

        var metrics = ScheduleMetrics.Compute(result);

        Assert.Equal(100.0, metrics.Makespan, Tolerance);
        Assert.Equal(0.5, metrics.Utilization, Tolerance);
        Assert.Equal(0.0, metrics.WaitMean, Tolerance);
        Assert.Equal(1.0, metrics.BoundedSlowdownMean, Tolerance); // max(1, (0 + 100) / max(100, 10))
    }

    [Fact]
    public void Compute_ZeroLengthJob_BoundedSlowdownIsWaitOverTenSeconds()
    {
        // 1 proc. J1 runs 0..30; J2 (0 s) submitted at 0 waits 30 s: bsld max(1, (30 + 0) / max(0, 10)) = 3.
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 1, run: 30, requested: 30)
            .Job(submit: 0, processors: 1, run: 0, requested: 10)
            .Build();
        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(1), new FirstComeFirstServedPolicy());

        var metrics = ScheduleMetrics.Compute(result);

        Assert.Equal((1.0 + 3.0) / 2, metrics.BoundedSlowdownMean, Tolerance);
        Assert.Equal(15.0, metrics.WaitMean, Tolerance);
        Assert.Equal(1.0, metrics.Utilization, Tolerance); // 30 proc-seconds over 1 proc × 30 s
    }

    [Fact]
    public void Compute_NoJobStarted_AllZero()
    {
        var workload = new WorkloadBuilder().Job(submit: 0, processors: 1, run: 10, requested: 10).Build();
        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(4), new ScriptedPolicy("test/idle"));

        var metrics = ScheduleMetrics.Compute(result);

        Assert.Equal(new ScheduleMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), metrics);
    }

    [Theory]
    [InlineData(0.0, 5.0, 1.0)] // (0 + 5) / max(5, 10) = 0.5 -> bounded below by 1
    [InlineData(90.0, 5.0, 9.5)] // 95 / 10
    [InlineData(80.0, 200.0, 1.4)] // 280 / 200
    [InlineData(0.0, 0.0, 1.0)]
    [InlineData(30.0, 10.0, 4.0)] // 40 / 10
    public void BoundedSlowdown_TauTenSeconds(double wait, double run, double expected)
    {
        Assert.Equal(expected, ScheduleMetrics.BoundedSlowdown(wait, run), Tolerance);
    }

    [Theory]
    [InlineData(0.5, 2.5)]
    [InlineData(0.95, 3.85)] // position 3·0.95 = 2.85 -> 3 + 0.85·(4 - 3)
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 4.0)]
    [InlineData(0.25, 1.75)] // position 0.75
    public void Percentile_FourValues_Type7(double quantile, double expected)
    {
        Assert.Equal(expected, ScheduleMetrics.Percentile([1, 2, 3, 4], 4, quantile), Tolerance);
    }

    [Fact]
    public void Percentile_OneOrNoValue_ThatValueOrZero()
    {
        Assert.Equal(7.0, ScheduleMetrics.Percentile([7, 100], 1, 0.95));
        Assert.Equal(0.0, ScheduleMetrics.Percentile([], 0, 0.5));
    }
}
