using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Scheduling;
using Augur.Policies.Backfilling;
using Augur.Simulation;
using Augur.Simulation.Engine;
using Augur.Testing;

namespace Augur.Policies.Tests.Backfilling;

/// <summary>
/// Differential tests on seeded random workloads (64 processors, bursts of equal submit times, jobs killed
/// at their request): backfill/easy++, with its incremental shortest-first index, must give exactly the
/// schedule of <see cref="EasyPlusPlusReferencePolicy"/>, which sorts the queue afresh at every decision.
/// </summary>
public sealed class EasyPlusPlusEquivalenceTests
{
    private const int Processors = 64;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(2024)]
    public void EasyPlusPlus_RequestPredictor_MatchesTheReferenceJobForJob(int seed)
    {
        var workload = RandomWorkload.Create(seed, 2500, Processors);

        var policy = Run(workload, new EasyPlusPlusPolicy(), EasyPlusPlusFakes.Request());
        var reference = Run(workload, new EasyPlusPlusReferencePolicy(), EasyPlusPlusFakes.Request());

        Assert.Equal(0, reference.NeverStarted);
        Assert.True(reference.Backfilled.Count(b => b) > 100, $"only {reference.Backfilled.Count(b => b)} backfilled");
        AssertSameSchedule(reference, policy);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void EasyPlusPlus_ShortGapsLongQueues_MatchesTheReference(int seed)
    {
        var workload = RandomWorkload.Create(seed, 2500, Processors, maxGapSeconds: 120);

        var policy = Run(workload, new EasyPlusPlusPolicy(), EasyPlusPlusFakes.Request());
        var reference = Run(workload, new EasyPlusPlusReferencePolicy(), EasyPlusPlusFakes.Request());

        AssertSameSchedule(reference, policy);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    public void EasyPlusPlus_TsafrirPredictionsWithExpiries_MatchesTheReference(int seed)
    {
        // User-history predictions under-predict often: expiries and corrections change the profile
        // between passes, and many jobs share a planned run time (ties in arrival order).
        var workload = RandomWorkload.Create(seed, 2500, Processors);

        var policy = Run(workload, new EasyPlusPlusPolicy(), EasyPlusPlusFakes.Tsafrir());
        var reference = Run(workload, new EasyPlusPlusReferencePolicy(), EasyPlusPlusFakes.Tsafrir());

        Assert.True(reference.Prediction!.Corrections.Sum() > 100, $"only {reference.Prediction.Corrections.Sum()} corrections");
        AssertSameSchedule(reference, policy);
        Assert.Equal(reference.Prediction.Corrections, policy.Prediction!.Corrections);
    }

    [Fact]
    public void EasyPlusPlus_SomeJobsWithoutRequestedTime_MatchesTheReference()
    {
        var workload = RandomWorkload.Create(6, 2000, Processors, withoutRequestShare: 0.02);

        var policy = Run(workload, new EasyPlusPlusPolicy(), EasyPlusPlusFakes.Tsafrir());
        var reference = Run(workload, new EasyPlusPlusReferencePolicy(), EasyPlusPlusFakes.Tsafrir());

        AssertSameSchedule(reference, policy);
    }

    [Fact]
    public void Reference_RandomWorkload_DiffersFromArrivalOrderEasy()
    {
        // The comparison above is worth something only if shortest-first changes schedules.
        var workload = RandomWorkload.Create(1, 2500, Processors);

        var reference = Run(workload, new EasyPlusPlusReferencePolicy(), EasyPlusPlusFakes.Request());
        var easy = Run(workload, new EasyBackfillingPolicy(), EasyPlusPlusFakes.Request());

        var differences = Enumerable.Range(0, workload.Count).Count(i => reference.Starts[i] != easy.Starts[i]);
        Assert.True(differences > 100, $"only {differences} jobs start differently");
    }

    private static SimulationResult Run(Workload workload, IPolicy policy, RunTimeEstimator estimator) =>
        Simulator.Run(workload, ClusterSpec.FromProcessors(Processors), policy, estimator);

    private static void AssertSameSchedule(SimulationResult expected, SimulationResult actual)
    {
        var jobs = expected.Workload.Jobs;
        for (var i = 0; i < jobs.Count; i++)
        {
            if (expected.Starts[i] != actual.Starts[i] || expected.Backfilled[i] != actual.Backfilled[i])
            {
                Assert.Fail(
                    $"first difference at {jobs[i].Request} (index {i}, submit {jobs[i].Request.Submit}, {jobs[i].Request.Processors} procs, " +
                    $"requested {jobs[i].Request.RequestedTime}): {expected.PolicyId} start {expected.Starts[i]} backfilled {expected.Backfilled[i]}, " +
                    $"{actual.PolicyId} start {actual.Starts[i]} backfilled {actual.Backfilled[i]}");
            }
        }

        Assert.Equal(expected.Ends, actual.Ends);
        Assert.Equal(expected.NeverStarted, actual.NeverStarted);
    }
}
