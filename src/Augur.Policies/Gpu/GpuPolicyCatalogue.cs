using Augur.Core.Identifiers;
using Augur.Core.Scheduling.Gpu;

namespace Augur.Policies.Gpu;

/// <summary>The GPU scheduling policies by id, in listing order (<c>augur policies</c>).</summary>
public static class GpuPolicyCatalogue
{
    public static ComponentCatalogue<IGpuPolicy> Catalogue { get; } =
        new ComponentCatalogue<IGpuPolicy>("GPU policy")
            .Add("gpu/fifo", "first in, first out, non-preemptive: the first job that does not fit blocks the rest", () => new GpuFifoPolicy())
            .Add("gpu/sjf", "shortest predicted job first, non-preemptive (predictor/clairvoyant: the oracle bound)", () => new GpuShortestJobFirstPolicy())
            .Add("gpu/srtf", "shortest predicted remaining time first, preemptive (predictor/clairvoyant: the oracle bound)", () => new ShortestRemainingTimeFirstPolicy())
            .Add("gpu/tiresias", "Tiresias: discretized 2D least-attained-service (GPUs x time), preemptive, no prediction, starvation guard with --promote-knob (Gu et al., NSDI'19)", () => new TiresiasPolicy())
            .Add("gpu/qssf", "Helios QSSF: smallest predicted GPU time (GPUs x predicted run time) first, non-preemptive; predictor/helios, predictor/group-mean or predictor/clairvoyant (Hu et al., SC'21)", () => new QuasiShortestServiceFirstPolicy())
            .Add("gpu/etf", "Energy-Time Fairness: users served least charged first, the charge mixing their shares of GPU time and of energy by --energy-weight (Liang et al., SEC'23)", () => new EnergyTimeFairPolicy());

    public static bool Contains(string id) => Catalogue.Contains(id);

    /// <summary>Builds policy <paramref name="id"/>, or throws <see cref="UnknownComponentException"/> with suggestions.</summary>
    public static IGpuPolicy Create(string id) => Catalogue.Create(id);
}
