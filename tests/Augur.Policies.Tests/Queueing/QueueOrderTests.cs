using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Policies.Queueing;

namespace Augur.Policies.Tests.Queueing;

/// <summary>
/// Scores of the queue orders, computed by hand from the formulas in the class docs, with r the requested
/// (planned) time, n the processors, s the submit time and w the time waited, all in seconds.
/// </summary>
public sealed class QueueOrderTests
{
    private const double Tolerance = 1e-6;

    // The reference job: r = 100 s, n = 4, s = 1000 s, w = 50 s (now = 1050 s).
    private static readonly JobRequest Reference = Job(index: 0, submit: 1000, processors: 4, requested: 100);
    private static readonly Instant Now = Instant.FromSeconds(1050);
    private static readonly Duration Planned = Duration.FromSeconds(100);

    [Theory]
    [InlineData("order/sjf", 100.0)] // r
    [InlineData("order/f1", 2618.0)] // log10(100)·4 + 870·log10(1000) = 2·4 + 870·3
    [InlineData("order/f2", 76840.0)] // √100·4 + 25600·3 = 40 + 76800
    [InlineData("order/f3", 20580400.0)] // 100·4 + 6860000·3 = 400 + 20580000
    [InlineData("order/f4", 1590200.0)] // 100·√4 + 530000·3 = 200 + 1590000
    [InlineData("order/wfp3", -0.5)] // −(50/100)³·4 = −0.125·4
    [InlineData("order/unicep", -0.25)] // −(50 + 1e-15)/(log2(4 + 1e-15)·100) = −50/200
    public void Score_ReferenceJob_MatchesTheFormula(string orderId, double expected)
    {
        var order = QueueOrders.Catalogue.Create(orderId);

        var score = order.Score(Reference, Now, Planned);

        Assert.Equal(expected, score, Tolerance * Math.Max(1, Math.Abs(expected)));
        Assert.Equal(orderId, order.Id);
        Assert.False(order.IsArrivalOrder);
    }

    [Fact]
    public void Score_ArrivalOrder_IsTheJobIndex()
    {
        var order = new ArrivalOrder();

        Assert.Equal(7.0, order.Score(Job(index: 7, submit: 5, processors: 1, requested: 10), Now, Planned));
        Assert.Equal("order/fcfs", order.Id);
        Assert.True(order.IsArrivalOrder);
    }

    [Theory]
    [InlineData(1, -862.0)] // log10(100)·4 + 870·log10(0.1) = 8 − 870
    [InlineData(2, 40.0 - 25600.0)]
    [InlineData(3, 400.0 - 6860000.0)]
    [InlineData(4, 200.0 - 530000.0)]
    public void Score_CarastanSantosAtSubmitZero_CountsSubmitAsOneTenth(int variant, double expected)
    {
        var job = Job(index: 0, submit: 0, processors: 4, requested: 100);

        var score = new CarastanSantosOrder(variant).Score(job, Instant.FromSeconds(10), Planned);

        Assert.Equal(expected, score, Tolerance * Math.Abs(expected));
    }

    [Fact]
    public void Score_UsesThePlannedRunTime_NotTheRequest()
    {
        // A predictor may plan with less than the request: r is the planned run time (here 25 s).
        var score = new ShortestRequestOrder().Score(Reference, Now, Duration.FromSeconds(25));

        Assert.Equal(25.0, score);
    }

    [Fact]
    public void Score_WaitFactorAtSubmission_IsZero()
    {
        var score = new WaitFactorOrder().Score(Reference, Instant.FromSeconds(1000), Planned);

        Assert.Equal(0.0, score, 0);
    }

    [Fact]
    public void Score_UnicepOneProcessor_HasTheHighestPriority()
    {
        // log2(1 + 1e-15) ≈ 1.6e-15, so a one-processor job's score is about −w·6e14/r: far below any other.
        var one = Job(index: 1, submit: 1000, processors: 1, requested: 100);
        var order = new UnicepOrder();

        var oneScore = order.Score(one, Now, Planned);
        var fourScore = order.Score(Reference, Now, Planned);

        Assert.True(oneScore < -1e12, $"one-processor score {oneScore}");
        Assert.True(oneScore < fourScore);
    }

    [Fact]
    public void Constructor_CarastanSantosVariantOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CarastanSantosOrder(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CarastanSantosOrder(5));
    }

    [Fact]
    public void Catalogue_ListsEveryOrder_InListingOrder()
    {
        var ids = QueueOrders.Catalogue.Entries.Select(e => e.Id).ToArray();

        Assert.Equal(["order/fcfs", "order/sjf", "order/f1", "order/f2", "order/f3", "order/f4", "order/wfp3", "order/unicep"], ids);
        Assert.All(QueueOrders.Catalogue.Entries, entry => Assert.Equal(entry.Id, entry.Create().Id));
    }

    internal static JobRequest Job(int index, long submit, int processors, long? requested, long? id = null) =>
        new(index, id ?? (index + 1), Instant.FromSeconds(submit), processors, requested is { } r ? Duration.FromSeconds(r) : null);
}
