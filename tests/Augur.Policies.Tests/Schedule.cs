using System.Globalization;

using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Simulation;
using Augur.Simulation.Engine;

namespace Augur.Policies.Tests;

/// <summary>
/// A simulated schedule read by job id, in whole seconds: runs
/// <c>Simulator.Run(workload, ClusterSpec.FromProcessors(n), policy)</c> and answers start, end and wait
/// per job. (Augur.Testing cannot reference the simulator, so this helper lives in the test project.)
/// </summary>
internal sealed class Schedule
{
    private readonly Dictionary<long, int> indexOfId = [];

    private Schedule(SimulationResult result)
    {
        Result = result;
        for (var i = 0; i < result.Workload.Count; i++)
        {
            indexOfId.Add(result.Workload.Jobs[i].Request.Id, i);
        }
    }

    public SimulationResult Result { get; }

    public static Schedule Run(Workload workload, int processors, IPolicy policy) =>
        new(Simulator.Run(workload, ClusterSpec.FromProcessors(processors), policy));

    public static Schedule Run(Workload workload, int processors, string policyId, string? orderId = null) =>
        Run(workload, processors, PolicyCatalogue.Create(policyId, orderId));

    public bool Started(long id) => Result.Starts[IndexOf(id)] != Instant.MaxValue;

    public long StartOf(long id) => Seconds(Result.Starts[IndexOf(id)], id);

    public long EndOf(long id) => Seconds(Result.Ends[IndexOf(id)], id);

    public long WaitOf(long id) => StartOf(id) - Result.Workload.Jobs[IndexOf(id)].Request.Submit.WholeSeconds;

    public bool BackfilledOf(long id) => Result.Backfilled[IndexOf(id)];

    public bool KilledOf(long id) => Result.Killed[IndexOf(id)];

    /// <summary>Every job's start as "id@start" in id order; "id@never" for a job never started.</summary>
    public string DescribeStarts() =>
        string.Join(" ", indexOfId.Keys.Order().Select(id => Started(id) ? $"{id}@{StartOf(id)}" : $"{id}@never"));

    /// <summary>Asserts the start of every job of the workload (none may be left out).</summary>
    public void AssertStarts(params (long Id, long Start)[] expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Assert.Equal(indexOfId.Count, expected.Length);
        var wanted = string.Join(" ", expected.OrderBy(e => e.Id).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Id}@{e.Start}")));
        Assert.Equal(wanted, DescribeStarts());
    }

    /// <summary>Asserts which jobs were backfilled (every other job must not be).</summary>
    public void AssertBackfilled(params long[] ids)
    {
        var actual = indexOfId.Keys.Order().Where(BackfilledOf).ToArray();
        Assert.Equal(ids.Order().ToArray(), actual);
    }

    private int IndexOf(long id) =>
        indexOfId.TryGetValue(id, out var index) ? index : throw new ArgumentException($"no job {id} in the workload", nameof(id));

    private static long Seconds(Instant instant, long id)
    {
        if (instant == Instant.MaxValue)
        {
            throw new InvalidOperationException($"job {id} never started");
        }

        Assert.True(instant.Microseconds % Duration.MicrosecondsPerSecond == 0, $"job {id}: {instant} is not a whole second");
        return instant.WholeSeconds;
    }
}
