using Augur.Core.Clusters;
using Augur.Policies.Backfilling;
using Augur.Simulation.Engine;
using Augur.Testing;

namespace Augur.Policies.Tests.Backfilling;

/// <summary>
/// backfill/conservative planning with predicted run times that jobs outlive: every start must stay valid
/// (the simulator throws on any over-allocation), every job must start, and no job may start before its
/// submission or overlap more processors than the machine has.
/// </summary>
public sealed class ConservativeWithPredictionsTests
{
    private const int Processors = 64;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2024)]
    public void Decide_UnderPredictedJobsExpiringTogether_NeverStartsAJobWithoutItsProcessors(int seed)
    {
        // Tsafrir-like predictions under-predict often, and whole-second traces make many estimates expire
        // at the same instant: the case where a replan once saw still-running jobs as ended.
        var workload = RandomWorkload.Create(seed, jobs: 1500, maxProcessors: Processors);

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(Processors), new ConservativeBackfillingPolicy(), EasyPlusPlusFakes.Tsafrir());

        Assert.Equal(0, result.NeverStarted);
        Assert.True(result.Prediction!.Corrections.Sum() > 0, "no job outlived its prediction: the test exercises nothing");
        var events = new List<(long Time, int Change)>();
        for (var job = 0; job < workload.Count; job++)
        {
            Assert.True(result.Starts[job] >= workload.Jobs[job].Request.Submit);
            if (result.Ends[job] > result.Starts[job])
            {
                events.Add((result.Starts[job].Microseconds, workload.Jobs[job].Request.Processors));
                events.Add((result.Ends[job].Microseconds, -workload.Jobs[job].Request.Processors));
            }
        }

        var busy = 0;
        foreach (var (_, change) in events.OrderBy(e => e.Time).ThenBy(e => e.Change))
        {
            busy += change;
            Assert.InRange(busy, 0, Processors);
        }
    }
}
