using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Policies.Backfilling;
using Augur.Policies.Queueing;
using Augur.Simulation.Engine;
using Augur.Testing;

namespace Augur.Simulation.Tests.Engine;

public sealed class SimulatorTests
{
    [Fact]
    public void Run_SameInputsTwice_IdenticalResults()
    {
        var workload = RandomWorkload.Create(seed: 5, jobs: 2000, maxProcessors: 64, maxGapSeconds: 3000);

        foreach (var create in new Func<IPolicy>[] { () => new EasyBackfillingPolicy(), () => new ConservativeBackfillingPolicy(), () => new FirstComeFirstServedPolicy(new ShortestRequestOrder()) })
        {
            var first = Simulator.Run(workload, ClusterSpec.FromProcessors(64), create());
            var second = Simulator.Run(workload, ClusterSpec.FromProcessors(64), create());

            Assert.Equal(first.Starts, second.Starts);
            Assert.Equal(first.Ends, second.Ends);
            Assert.Equal(first.Backfilled, second.Backfilled);
            Assert.Equal(first.Killed, second.Killed);
            Assert.Equal(first.Events, second.Events);
            Assert.Equal(first.NeverStarted, second.NeverStarted);
        }
    }

    [Fact]
    public void Run_SameSeedWorkloadsBuiltTwice_IdenticalResults()
    {
        var first = Simulator.Run(RandomWorkload.Create(8, 1000), ClusterSpec.FromProcessors(64), new EasyBackfillingPolicy());
        var second = Simulator.Run(RandomWorkload.Create(8, 1000), ClusterSpec.FromProcessors(64), new EasyBackfillingPolicy());

        Assert.Equal(first.Starts, second.Starts);
        Assert.Equal(first.Ends, second.Ends);
    }

    [Fact]
    public void Run_ZeroLengthJob_EndsAtItsStartAndFreesItsProcessorsThen()
    {
        // 4 procs. J1 (4 procs, 0 s, requested 10) starts and ends at 0. J2 (4 procs), submitted at 0 too,
        // does not fit on its submission (the profile plans J1 until 10), but J1's termination at 0 — after
        // the submissions of that instant — frees the machine and J2 starts at 0.
        //   J1 |0|
        //   J2 |0====10|
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 4, run: 0, requested: 10)
            .Job(submit: 0, processors: 4, run: 10, requested: 10)
            .Build();
        var easy = new EasyBackfillingPolicy();
        var policy = new ScriptedPolicy("backfill/easy", easy.Decide);

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(4), policy);

        Assert.Equal([Instant.Zero, Instant.Zero], result.Starts);
        Assert.Equal([Instant.Zero, Instant.FromSeconds(10)], result.Ends);
        Assert.Equal(Duration.Zero, result.RunOf(0));
        Assert.False(result.Killed[0]);
        Assert.Equal(["0 Submission 1", "0 Submission 2", "0 Termination 1", "10 Termination 2"], policy.Log);
    }

    [Fact]
    public void Run_JobWithoutRequestedTime_RunsItsTrueTimeAndIsNeverKilled()
    {
        // 4 procs. J1 has no requested time and runs 100 000 s; J2 starts when it ends.
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 4, run: 100_000)
            .Job(submit: 10, processors: 4, run: 10, requested: 10)
            .Build();

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(4), new EasyBackfillingPolicy());

        Assert.False(workload.Jobs[0].Request.HasRequestedTime);
        Assert.Equal(Instant.FromSeconds(100_000), result.Ends[0]);
        Assert.False(result.Killed[0]);
        Assert.Equal(Instant.FromSeconds(100_000), result.Starts[1]);
    }

    [Fact]
    public void Run_JobPastItsRequest_KilledAtStartPlusRequest()
    {
        var workload = new WorkloadBuilder()
            .Job(submit: 5, processors: 2, run: 1000, requested: 60)
            .Job(submit: 5, processors: 2, run: 60, requested: 60)
            .Build();

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(4), new EasyBackfillingPolicy());

        Assert.Equal([true, false], result.Killed);
        Assert.Equal(Instant.FromSeconds(65), result.Ends[0]);
        Assert.Equal(Instant.FromSeconds(65), result.Ends[1]);
        Assert.Equal(Duration.FromSeconds(60), result.RunOf(0));
    }

    [Fact]
    public void Run_PolicyThatNeverStarts_CountsEveryJobNeverStarted()
    {
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 1, run: 10, requested: 10)
            .Job(submit: 5, processors: 1, run: 10, requested: 10)
            .Job(submit: 5, processors: 1, run: 10, requested: 10)
            .Build();
        var policy = new ScriptedPolicy("test/idle");

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(4), policy);

        Assert.Equal(3, result.NeverStarted);
        Assert.All(result.Starts, start => Assert.Equal(Instant.MaxValue, start));
        Assert.All(result.Ends, end => Assert.Equal(Instant.MaxValue, end));
        Assert.Equal(3, result.Events);
        Assert.Equal("test/idle", result.PolicyId);
    }

    [Fact]
    public void Run_PolicyThatStartsOnlySomeJobs_CountsTheRest()
    {
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 1, run: 10, requested: 10)
            .Job(submit: 5, processors: 1, run: 10, requested: 10)
            .Build();
        var policy = new ScriptedPolicy(script: context =>
        {
            if (context.Trigger == DecisionTrigger.Submission && context.TriggerJob!.Id == 1)
            {
                context.Start(context.TriggerJob);
            }
        });

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(4), policy);

        Assert.Equal(1, result.NeverStarted);
        Assert.Equal(Instant.Zero, result.Starts[0]);
        Assert.Equal(Instant.MaxValue, result.Starts[1]);
    }

    [Fact]
    public void Constructor_JobLargerThanTheCluster_ThrowsNamingIt()
    {
        var workload = new WorkloadBuilder().Job(submit: 0, processors: 8, run: 10, requested: 10, id: 42).Build();

        var error = Assert.Throws<ArgumentException>(() => new Simulator(workload, ClusterSpec.FromProcessors(4), new EasyBackfillingPolicy()));

        Assert.Contains("job 42", error.Message, StringComparison.Ordinal);
        Assert.Contains("8 processors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EmptyWorkload_NoEvents()
    {
        var result = Simulator.Run(new WorkloadBuilder().Build(), ClusterSpec.FromProcessors(4), new EasyBackfillingPolicy());

        Assert.Equal(0, result.Events);
        Assert.Equal(0, result.NeverStarted);
        Assert.Empty(result.Starts);
    }

    [Fact]
    public void Run_StartReturnsThePlannedEnd_AndTheProfileHoldsIt()
    {
        var workload = new WorkloadBuilder().Job(submit: 10, processors: 3, run: 20, requested: 50).Build();
        Instant? planned = null;
        RunningJob? running = null;
        var policy = new ScriptedPolicy(script: context =>
        {
            if (context.Trigger == DecisionTrigger.Submission)
            {
                planned = context.Start(context.TriggerJob!);
                foreach (var job in context.Profile)
                {
                    running = job;
                }

                Assert.Equal(1, context.IdleProcessors);
            }
        });

        Simulator.Run(workload, ClusterSpec.FromProcessors(4), policy);

        Assert.Equal(Instant.FromSeconds(60), planned);
        Assert.Equal(Instant.FromSeconds(10), running!.Value.Start);
        Assert.Equal(Instant.FromSeconds(60), running.Value.EstimatedEnd);
    }
}
