using Augur.Core.Identifiers;
using Augur.Policies.Backfilling;
using Augur.Policies.Queueing;

namespace Augur.Policies.Tests;

public sealed class PolicyCatalogueTests
{
    public static TheoryData<string> PolicyIds()
    {
        var data = new TheoryData<string>();
        foreach (var entry in PolicyCatalogue.Entries)
        {
            data.Add(entry.Id);
        }

        return data;
    }

    public static TheoryData<string, string> PolicyAndOrderIds()
    {
        var data = new TheoryData<string, string>();
        foreach (var policy in PolicyCatalogue.Entries)
        {
            foreach (var order in QueueOrders.Catalogue.Entries)
            {
                // backfill/easy++ fixes its own orders (tested below).
                if (policy.Id != "backfill/easy++" || order.Id == "order/fcfs")
                {
                    data.Add(policy.Id, order.Id);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Entries_ListTheFourPolicies_InListingOrder()
    {
        Assert.Equal(["queue/fcfs", "backfill/easy", "backfill/easy++", "backfill/conservative"], PolicyCatalogue.Entries.Select(e => e.Id));
        Assert.All(PolicyCatalogue.Entries, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Summary)));
    }

    [Theory]
    [MemberData(nameof(PolicyIds))]
    public void Create_ListedId_BuildsAPolicyWithThatIdInArrivalOrder(string id)
    {
        var policy = PolicyCatalogue.Create(id);

        Assert.Equal(id, policy.Id);
        Assert.Equal("order/fcfs", OrderOf(policy).Id);
    }

    [Theory]
    [MemberData(nameof(PolicyAndOrderIds))]
    public void Create_ListedIdWithOrder_UsesThatOrder(string policyId, string orderId)
    {
        var policy = PolicyCatalogue.Create(policyId, orderId);

        Assert.Equal(policyId, policy.Id);
        Assert.Equal(orderId, OrderOf(policy).Id);
    }

    [Fact]
    public void Create_TwoCalls_GiveFreshInstances()
    {
        // A policy instance serves one run: the catalogue must never hand out a shared one.
        Assert.NotSame(PolicyCatalogue.Create("backfill/conservative"), PolicyCatalogue.Create("backfill/conservative"));
    }

    [Theory]
    [InlineData("backfill/eazy", "backfill/easy")]
    [InlineData("easy", "backfill/easy")]
    [InlineData("backfill/conservativ", "backfill/conservative")]
    [InlineData("queue/fcf", "queue/fcfs")]
    public void Create_UnknownPolicyId_ThrowsWithDidYouMean(string requested, string suggested)
    {
        var error = Assert.Throws<UnknownComponentException>(() => PolicyCatalogue.Create(requested));

        Assert.Contains("did you mean", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{suggested}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(suggested, error.Suggestions);
        Assert.Equal(requested, error.Requested);
    }

    [Fact]
    public void Create_UnknownOrderId_ThrowsWithDidYouMean()
    {
        var error = Assert.Throws<UnknownComponentException>(() => PolicyCatalogue.Create("backfill/easy", "order/sjff"));

        Assert.Contains("did you mean", error.Message, StringComparison.Ordinal);
        Assert.Contains("'order/sjf'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownIds_ThrowAndKnownIdsPass()
    {
        PolicyCatalogue.Validate("backfill/easy", "order/wfp3");
        PolicyCatalogue.Validate("queue/fcfs", null);

        Assert.Throws<UnknownComponentException>(() => PolicyCatalogue.Validate("backfill/esay", null));
        Assert.Throws<UnknownComponentException>(() => PolicyCatalogue.Validate("backfill/easy", "order/f5"));
    }

    [Fact]
    public void Create_EasyPlusPlusWithAnotherOrder_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => PolicyCatalogue.Create("backfill/easy++", "order/sjf"));

        Assert.Contains("order/sjf does not apply", error.Message, StringComparison.Ordinal);
    }

    private static IQueueOrder OrderOf(Core.Scheduling.IPolicy policy) => policy switch
    {
        FirstComeFirstServedPolicy fcfs => fcfs.Order,
        EasyBackfillingPolicy easy => easy.Order,
        ConservativeBackfillingPolicy conservative => conservative.Order,
        EasyPlusPlusPolicy easyPlusPlus => easyPlusPlus.Order,
        _ => throw new InvalidOperationException($"unexpected policy type {policy.GetType()}"),
    };
}
