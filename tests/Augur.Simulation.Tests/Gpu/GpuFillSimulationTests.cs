using Augur.Core.Clusters;
using Augur.Core.Resources;
using Augur.Policies.Gpu.Placement;
using Augur.Simulation.Gpu;

namespace Augur.Simulation.Tests.Gpu;

public sealed class GpuFillSimulationTests
{
    [Fact]
    public void Run_SharesThenAWholeGpu_PlacesWhatFitsAndMeasuresTheStrandedRest()
    {
        // One node of 2 GPUs; jobs 600 milli, 600 milli, 1 whole GPU; fill to 1 x 2 GPUs asked.
        // 600 on GPU 0, 600 on GPU 1 (GPU 0 has 400 left): 1.2 asked; the whole GPU finds none idle and fails:
        // 2.2 asked, stop. Left: 400 + 400 free. Mix: 600-shares 2/3, whole GPUs 1/3; neither can use a 400 share:
        // 800 milli fragmented.
        var workload = GpuJobs.Of((0, GpuRequest.Fraction(600), 1), (1, GpuRequest.Fraction(600), 1), (2, GpuRequest.Whole(1), 1));

        var result = GpuFillSimulation.Run(workload, GpuClusterSpec.FromGpuCount(2), new ConsolidatePlacement(), 1);

        Assert.Equal(3, result.Arrived);
        Assert.Equal(2, result.Placed);
        Assert.Equal(2.2, result.AskedGpus, 9);
        Assert.Equal(1.2, result.PlacedGpus, 9);
        Assert.Equal(1.2, result.AskedGpusAtFirstFailure!.Value, 9);
        Assert.Equal(0.8, result.End.FreeGpus, 9);
        Assert.Equal(0.8, result.End.FragmentedGpus, 9);
        Assert.Equal(1.2 / 2.2, result.PlacedFraction, 9);

        // Steps of 5 % of 2 GPUs = 0.1 GPU, up to 110 % asked: 22 points.
        Assert.Equal(22, result.Points.Count);
    }

    [Fact]
    public void Run_TargetBeyondTheWorkload_RepeatsItFromTheStart()
    {
        // One job of 1 GPU on 4 GPUs, filled to 1 x 4: the job comes 4 times and each finds an idle GPU.
        var result = GpuFillSimulation.Run(GpuJobs.Whole((0, 1, 1)), GpuClusterSpec.FromGpuCount(4), new BestFitPlacement(), 1);

        Assert.Equal(4, result.Arrived);
        Assert.Equal(4, result.Placed);
        Assert.Null(result.AskedGpusAtFirstFailure);
        Assert.Equal(0, result.End.FreeGpus, 9);
    }

    [Fact]
    public void Run_WorkloadWithoutGpus_Throws()
    {
        var workload = GpuJobs.Of((0, new GpuRequest(0, 0, cpuMilli: 1), 1));

        Assert.Throws<ArgumentException>(() => GpuFillSimulation.Run(workload, GpuClusterSpec.FromGpuCount(1), new BestFitPlacement(), 1));
    }
}
