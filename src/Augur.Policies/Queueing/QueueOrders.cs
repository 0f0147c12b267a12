using Augur.Core.Identifiers;

namespace Augur.Policies.Queueing;

/// <summary>The catalogue of queue orders (<c>--order</c>), in listing order.</summary>
public static class QueueOrders
{
    public static ComponentCatalogue<IQueueOrder> Catalogue { get; } = new ComponentCatalogue<IQueueOrder>("queue order")
        .Add("order/fcfs", "first come, first served (submission order)", () => new ArrivalOrder())
        .Add("order/sjf", "shortest requested time first", () => new ShortestRequestOrder())
        .Add("order/f1", "Carastan-Santos & de Camargo SC'17 F1: log10(r)*n + 870*log10(s), lowest first", () => new CarastanSantosOrder(1))
        .Add("order/f2", "SC'17 F2: sqrt(r)*n + 25600*log10(s), lowest first", () => new CarastanSantosOrder(2))
        .Add("order/f3", "SC'17 F3: r*n + 6860000*log10(s), lowest first", () => new CarastanSantosOrder(3))
        .Add("order/f4", "SC'17 F4: r*sqrt(n) + 530000*log10(s), lowest first", () => new CarastanSantosOrder(4))
        .Add("order/wfp3", "WFP3: (wait/r)^3 * n, highest first", () => new WaitFactorOrder())
        .Add("order/unicep", "UNICEP: wait / (log2(n) * r), highest first", () => new UnicepOrder());
}
