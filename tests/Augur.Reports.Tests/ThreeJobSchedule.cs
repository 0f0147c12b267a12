using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Simulation;
using Augur.Simulation.Engine;
using Augur.Testing;

namespace Augur.Reports.Tests;

/// <summary>
/// A schedule small enough to check by hand, on 4 processors under strict FCFS:
/// job 1 (2 procs, run 100, request 200) starts at 0; job 2 (4 procs, run 30, user 7) waits until 100;
/// job 3 (1 proc, run 5, request 10) waits behind job 2 until 130 and ends at 135.
/// </summary>
internal static class ThreeJobSchedule
{
    public static SimulationResult Run()
    {
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 2, run: 100, requested: 200, id: 1)
            .Job(submit: 10, processors: 4, run: 30, requested: 60, id: 2, user: 7)
            .Job(submit: 20, processors: 1, run: 5, requested: 10, id: 3)
            .Build("three");
        return Simulator.Run(workload, ClusterSpec.FromProcessors(4), new StrictFirstComeFirstServed());
    }

    /// <summary>Starts the queue's head while it fits, and nothing else.</summary>
    private sealed class StrictFirstComeFirstServed : IPolicy
    {
        public string Id => "test/fcfs";

        public void Decide(SchedulingContext context)
        {
            while (context.Waiting.Head is { } head && head.Processors <= context.Profile.FreeAt(context.Now))
            {
                context.Start(head);
            }
        }
    }

}
