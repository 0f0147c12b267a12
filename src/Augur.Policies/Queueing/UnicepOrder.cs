namespace Augur.Policies.Queueing;

/// <summary>
/// <c>order/unicep</c>: UNICEP (Tang et al., CLUSTER'09), as RLScheduler's baseline: priority
/// w / (log2(n) · r), highest first. As there, 1e-15 is added to w and n, which gives one-processor jobs
/// (log2(1) = 0) the highest priority.
/// </summary>
public sealed class UnicepOrder : QueueOrder
{
    private const double Epsilon = 1e-15;

    public override string Id => "order/unicep";

    protected override double Score(double requestedSeconds, int processors, double submitSeconds, double waitingSeconds) =>
        -((waitingSeconds + Epsilon) / (Math.Log2(processors + Epsilon) * requestedSeconds));
}
