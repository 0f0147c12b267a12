using Augur.Core.Identifiers;
using Augur.Core.Scheduling;
using Augur.Policies.Backfilling;
using Augur.Policies.Queueing;

namespace Augur.Policies;

/// <summary>The default catalogue of scheduling policies, in listing order (<c>augur policies</c>).</summary>
public static class PolicyCatalogue
{
    private static readonly ComponentCatalogue<Func<IQueueOrder?, IPolicy>> Policies =
        new ComponentCatalogue<Func<IQueueOrder?, IPolicy>>("policy")
            .Add("queue/fcfs", "first come, first served without backfilling: the queue's first job blocks the rest", () => order => new FirstComeFirstServedPolicy(order))
            .Add("backfill/easy", "EASY backfilling: reserve for the first waiting job, start later jobs that do not delay it (pyss's exact rules)", () => order => new EasyBackfillingPolicy(order))
            .Add("backfill/easy++", "EASY++: predicted run times, shortest-predicted-first backfilling (Tsafrir et al., TPDS 2007); predictor/tsafrir by default", () => order => new EasyPlusPlusPolicy(order))
            .Add("backfill/conservative", "conservative backfilling: every job holds a reservation; none may be delayed; compress on early ends", () => order => new ConservativeBackfillingPolicy(order));

    public static IReadOnlyList<ComponentEntry<Func<IQueueOrder?, IPolicy>>> Entries => Policies.Entries;

    /// <summary>Builds policy <paramref name="policyId"/> with queue order <paramref name="orderId"/> (arrival order when null).</summary>
    public static IPolicy Create(string policyId, string? orderId = null)
    {
        var factory = Policies.Create(policyId);
        var order = orderId is null ? null : QueueOrders.Catalogue.Create(orderId);
        return factory(order);
    }

    /// <summary>Throws <see cref="UnknownComponentException"/> (with suggestions) for an unknown id.</summary>
    public static void Validate(string policyId, string? orderId)
    {
        Policies.Find(policyId);
        if (orderId is not null)
        {
            QueueOrders.Catalogue.Find(orderId);
        }
    }
}
