using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Scheduling.Gpu;
using Augur.Core.Time;
using Augur.Policies.Gpu.Placement;
using Augur.Reports.Gpu;
using Augur.Simulation.Gpu;

namespace Augur.Reports.Tests.Gpu;

public sealed class GpuJobsCsvWriterTests
{
    [Fact]
    public void Write_ShareAndAJobThatNeverStarts_OneRowEach()
    {
        // One node of 1 GPU with 4 cores. Job "a" takes 250 milli for 30.5 s; job "b,x" could run, but the policy
        // never starts it (the simulator refuses up front a job no node could host, so a test policy stands in).
        var cluster = new GpuClusterSpec("one", [new GpuNodeSpec("n", 1, "T4", cpuMilli: 4000)]);
        var jobs = new List<GpuWorkloadJob>
        {
            new(new GpuJobRequest(0, "a", Instant.FromSeconds(2), GpuRequest.Fraction(250), "LS"), new Duration(30_500_000)),
            new(new GpuJobRequest(1, "b,x", Instant.FromSeconds(3), new GpuRequest(1, 1000, cpuMilli: 2000), "BE"), Duration.FromSeconds(1)),
        };
        var result = new GpuSimulator(new GpuWorkload("w", jobs), cluster, new StartsOnlyJobZero(), new ConsolidatePlacement()).Run();
        using var writer = new StringWriter();

        GpuJobsCsvWriter.Write(writer, result);

        // a: start 2, end 2 + 30.5 = 32.5, wait 0, JCT 30.5, energy 0.25 of a T4 at 70 W for 30.5 s = 533.75 J; b,x quoted, no start, no energy.
        Assert.Equal(
            [
                GpuJobsCsvWriter.Header,
                "a,2,2,32.5,0,30.5,30.5,30.5,1,250,1,0,LS,533.75",
                "\"b,x\",3,,,,,,1,1,1000,0,0,BE,0",
                string.Empty,
            ],
            writer.ToString().Split('\n'));
    }

    [Fact]
    public void Write_JobPreemptedAndNeverResumed_EndJctAndRunEmpty()
    {
        // One GPU. Job "a" (1 s, 1 GPU, 100 s) starts at 1 and is preempted at 10 s, never to resume: start 1,
        // wait 1 - 1 = 0, no end, JCT or run; energy: one generic GPU at 250 W for the 9 s it ran = 2,250 J.
        var jobs = new List<GpuWorkloadJob>
        {
            new(new GpuJobRequest(0, "a", Instant.FromSeconds(1), GpuRequest.Whole(1), "vc"), Duration.FromSeconds(100)),
        };
        var result = new GpuSimulator(new GpuWorkload("w", jobs), GpuClusterSpec.FromGpuCount(1), new PreemptAtTen(), new ConsolidatePlacement()).Run();
        using var writer = new StringWriter();

        GpuJobsCsvWriter.Write(writer, result);

        Assert.Equal([GpuJobsCsvWriter.Header, "a,1,1,,0,,,100,1,1000,1,0,vc,2250", string.Empty], writer.ToString().Split('\n'));
    }

    /// <summary>Starts job 0 on arrival and no other job, ever.</summary>
    private sealed class StartsOnlyJobZero : IGpuPolicy
    {
        public string Id => "test/starts-only-job-zero";

        public bool NeedsPredictions => false;

        public void Decide(GpuSchedulingContext context)
        {
            foreach (var job in context.Arrived)
            {
                if (job == 0)
                {
                    context.TryStart(job);
                }
            }
        }
    }

    /// <summary>Starts every job on arrival and preempts job 0 at 10 s for good.</summary>
    private sealed class PreemptAtTen : IGpuPolicy
    {
        public string Id => "test/preempt-at-ten";

        public bool NeedsPredictions => false;

        public void Decide(GpuSchedulingContext context)
        {
            foreach (var job in context.Arrived)
            {
                context.TryStart(job);
                context.WakeAt(Instant.FromSeconds(10));
            }

            if (context.Now.WholeSeconds == 10 && context.Running.Contains(0))
            {
                context.Preempt(0);
            }
        }
    }
}
