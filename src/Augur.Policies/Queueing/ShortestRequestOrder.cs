namespace Augur.Policies.Queueing;

/// <summary><c>order/sjf</c>: shortest requested (planned) run time first.</summary>
public sealed class ShortestRequestOrder : QueueOrder
{
    public override string Id => "order/sjf";

    protected override double Score(double requestedSeconds, int processors, double submitSeconds, double waitingSeconds) =>
        requestedSeconds;
}
