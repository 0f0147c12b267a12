namespace Augur.Policies.Queueing;

/// <summary>
/// <c>order/wfp3</c>: WFP3 (Tang et al., "Fault-aware, utility-based job scheduling on Blue Gene/P
/// systems", CLUSTER'09), as RLScheduler's baseline: priority (w / r)³ · n, highest first — so the score
/// is its negation.
/// </summary>
public sealed class WaitFactorOrder : QueueOrder
{
    public override string Id => "order/wfp3";

    protected override double Score(double requestedSeconds, int processors, double submitSeconds, double waitingSeconds)
    {
        var ratio = waitingSeconds / requestedSeconds;
        return -(ratio * ratio * ratio * processors);
    }
}
