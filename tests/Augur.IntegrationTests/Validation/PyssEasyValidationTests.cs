using Augur.Core.Clusters;
using Augur.Policies;
using Augur.Simulation.Engine;
using Augur.Simulation.Metrics;
using Augur.Traces.Filters;
using Augur.Traces.Swf;

namespace Augur.IntegrationTests.Validation;

/// <summary>
/// backfill/easy against pyss, the simulator of Gaussier et al. (SC'15), on the real filtered traces: every
/// job's wait must be pyss's, and the mean bounded slowdown pyss's own figure to four significant digits.
/// </summary>
public sealed class PyssEasyValidationTests
{
    [Theory]
    [InlineData("KTH-SP2")]
    [InlineData("SDSC-SP2")]
    [InlineData("CTC-SP2")]
    public void Simulate_EasyOnFilteredTrace_GivesEveryJobPyssWait(string trace)
    {
        var swf = SwfReader.Read(PyssReference.FilteredTrace(trace));
        var processors = swf.Header.MachineProcessors!.Value;
        var workload = SwfWorkload.Build(swf, new Sc15JobFilter(), processors).Workload;
        var expected = PyssReference.Waits(trace, "easy");

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(processors), PolicyCatalogue.Create("backfill/easy"));

        Assert.Equal(expected.Count, workload.Count);
        var differing = new List<string>();
        for (var job = 0; job < workload.Count; job++)
        {
            var id = workload.Jobs[job].Request.Id;
            var wait = result.WaitOf(job).WholeSeconds;
            if (wait != expected[id] && differing.Count < 5)
            {
                differing.Add($"job {id}: Augur {wait} s, pyss {expected[id]} s");
            }
        }

        Assert.True(differing.Count == 0, string.Join("; ", differing));
    }

    [Theory]
    [InlineData("KTH-SP2")]
    [InlineData("SDSC-SP2")]
    [InlineData("CTC-SP2")]
    public void Simulate_EasyOnFilteredTrace_MatchesPyssMeanBoundedSlowdownToFourDigits(string trace)
    {
        var swf = SwfReader.Read(PyssReference.FilteredTrace(trace));
        var processors = swf.Header.MachineProcessors!.Value;
        var workload = SwfWorkload.Build(swf, new Sc15JobFilter(), processors).Workload;
        var pyss = PyssReference.AverageBoundedSlowdown(trace, "res_easy_backfill_scheduler_None_None");

        var metrics = ScheduleMetrics.Compute(Simulator.Run(workload, ClusterSpec.FromProcessors(processors), PolicyCatalogue.Create("backfill/easy")));

        Assert.Equal(SignificantDigits.Round(pyss, 4), SignificantDigits.Round(metrics.BoundedSlowdownMean, 4));
    }
}
