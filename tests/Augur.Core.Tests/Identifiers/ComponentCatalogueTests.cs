using Augur.Core.Identifiers;

namespace Augur.Core.Tests.Identifiers;

public sealed class ComponentCatalogueTests
{
    /// <summary>The policy ids Augur ships, plus one queue-less family member, in listing order.</summary>
    private static ComponentCatalogue<string> Policies() =>
        new ComponentCatalogue<string>("policy")
            .Add("queue/fcfs", "first come, first served", () => "fcfs")
            .Add("backfill/easy", "EASY backfilling", () => "easy")
            .Add("backfill/conservative", "conservative backfilling", () => "conservative")
            .Add("queue/sjf", "shortest job first", () => "sjf");

    [Fact]
    public void Create_KnownId_BuildsWithItsFactory()
    {
        Assert.Equal("easy", Policies().Create("backfill/easy"));
        Assert.Equal("sjf", Policies().Create("queue/sjf"));
    }

    [Fact]
    public void Create_CalledTwice_CallsTheFactoryEachTime()
    {
        var built = 0;
        var catalogue = new ComponentCatalogue<object>("policy").Add("x/y", "a thing", () => ++built);

        Assert.Equal(1, catalogue.Create("x/y"));
        Assert.Equal(2, catalogue.Create("x/y"));
        Assert.Equal(2, built);
    }

    [Fact]
    public void Add_ReturnsTheSameCatalogue()
    {
        var catalogue = new ComponentCatalogue<int>("predictor");

        Assert.Same(catalogue, catalogue.Add("predictor/user", "user estimate", () => 1));
        Assert.Equal("predictor", catalogue.Kind);
    }

    [Fact]
    public void Entries_AreInListingOrderWithSummaries()
    {
        var entries = Policies().Entries;

        Assert.Equal(["queue/fcfs", "backfill/easy", "backfill/conservative", "queue/sjf"], entries.Select(e => e.Id));
        Assert.Equal("EASY backfilling", entries[1].Summary);
        Assert.Equal("conservative", entries[2].Create());
    }

    [Fact]
    public void Find_KnownId_ReturnsItsEntry()
    {
        var entry = Policies().Find("backfill/conservative");

        Assert.Equal("backfill/conservative", entry.Id);
        Assert.Equal("conservative backfilling", entry.Summary);
    }

    [Fact]
    public void Contains_IsExactAndCaseSensitive()
    {
        var catalogue = Policies();

        Assert.True(catalogue.Contains("backfill/easy"));
        Assert.False(catalogue.Contains("Backfill/easy"));
        Assert.False(catalogue.Contains("easy"));
        Assert.False(catalogue.Contains("backfill/eazy"));
    }

    [Fact]
    public void Add_DuplicateId_Throws()
    {
        var catalogue = Policies();

        var error = Assert.Throws<ArgumentException>(() => catalogue.Add("backfill/easy", "again", () => "again"));

        Assert.Equal("id", error.ParamName);
        Assert.StartsWith("'backfill/easy' is already in the policy catalogue.", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, catalogue.Entries.Count);
        Assert.Equal("easy", catalogue.Create("backfill/easy"));
    }

    [Theory]
    [InlineData("easy")]
    [InlineData("Backfill/easy")]
    [InlineData("backfill/")]
    [InlineData("a/b/c")]
    [InlineData("")]
    public void Add_InvalidId_Throws(string id)
    {
        var catalogue = new ComponentCatalogue<string>("policy");

        var error = Assert.Throws<ArgumentException>(() => catalogue.Add(id, "bad", () => "bad"));

        Assert.Equal("id", error.ParamName);
        Assert.StartsWith($"'{id}' is not a family/name id.", error.Message, StringComparison.Ordinal);
        Assert.Empty(catalogue.Entries);
    }

    [Fact]
    public void Create_Typo_ThrowsWithDidYouMean()
    {
        var error = Assert.Throws<UnknownComponentException>(() => Policies().Create("backfill/eazy"));

        Assert.Equal("unknown policy 'backfill/eazy'; did you mean 'backfill/easy'?", error.Message);
        Assert.Equal(["backfill/easy"], error.Suggestions);
        Assert.Equal("backfill/eazy", error.Requested);
    }

    [Fact]
    public void Create_MissingLetter_SuggestsTheId()
    {
        var error = Assert.Throws<UnknownComponentException>(() => Policies().Create("backfil/easy"));

        Assert.Equal("unknown policy 'backfil/easy'; did you mean 'backfill/easy'?", error.Message);
    }

    [Fact]
    public void Create_ShortNameOnly_SuggestsTheFullId()
    {
        var error = Assert.Throws<UnknownComponentException>(() => Policies().Create("easy"));

        Assert.Equal("unknown policy 'easy'; did you mean 'backfill/easy'?", error.Message);
        Assert.Equal(["backfill/easy"], error.Suggestions);
    }

    [Fact]
    public void Create_ShortNameTypo_SuggestsTheFullId()
    {
        var error = Assert.Throws<UnknownComponentException>(() => Policies().Create("conservativ"));

        Assert.Equal(["backfill/conservative"], error.Suggestions);
        Assert.Equal("unknown policy 'conservativ'; did you mean 'backfill/conservative'?", error.Message);
    }

    [Fact]
    public void Create_TwoCloseIds_SuggestsOnlyTheClosest()
    {
        // queue/sjf is 1 edit away, queue/fcfs 2 edits away: only the closest is offered.
        var error = Assert.Throws<UnknownComponentException>(() => Policies().Create("queue/sjfs"));

        Assert.Equal(["queue/sjf"], error.Suggestions);
        Assert.Equal("unknown policy 'queue/sjfs'; did you mean 'queue/sjf'?", error.Message);
    }

    [Fact]
    public void Create_SwappedLetters_SuggestsTheIdOverOthersAtTwoEdits()
    {
        var error = Assert.Throws<UnknownComponentException>(() => Policies().Create("queue/fcsf"));

        Assert.Equal(["queue/fcfs"], error.Suggestions);
    }

    [Fact]
    public void Create_FamilyOnly_SuggestsItsMembersInListingOrder()
    {
        // "backfill" is a family: its members are offered in listing order.
        var error = Assert.Throws<UnknownComponentException>(() => Policies().Create("backfill"));

        Assert.Equal(["backfill/easy", "backfill/conservative"], error.Suggestions);
    }

    [Fact]
    public void Create_NothingSimilar_HasNoSuggestion()
    {
        var error = Assert.Throws<UnknownComponentException>(() => Policies().Create("mystery-scheduler"));

        Assert.Equal("unknown policy 'mystery-scheduler'.", error.Message);
        Assert.Empty(error.Suggestions);
        Assert.Equal("mystery-scheduler", error.Requested);
    }

    /// <summary>
    /// A short id unlike any known one gets no suggestion. Today the threshold for an entry is computed from
    /// the full id's length (max(2, 13 / 3) = 4 for backfill/easy) but compared with the distance to the
    /// short name too ("easy", 4 letters), so every request of at most 4 characters is "close" to
    /// backfill/easy: "xxxx" is answered "did you mean 'backfill/easy'?".
    /// </summary>
    [Theory]
    [InlineData("xxxx")]
    [InlineData("gpu")]
    [InlineData("z")]
    public void Create_ShortUnrelatedName_HasNoSuggestion(string requested)
    {
        var error = Assert.Throws<UnknownComponentException>(() => Policies().Create(requested));

        Assert.Empty(error.Suggestions);
        Assert.Equal($"unknown policy '{requested}'.", error.Message);
    }

    [Fact]
    public void Suggest_ManyEquallyClose_KeepsThreeInOrdinalOrder()
    {
        var catalogue = new ComponentCatalogue<int>("order")
            .Add("order/f4", "", () => 4)
            .Add("order/f2", "", () => 2)
            .Add("order/f3", "", () => 3)
            .Add("order/f1", "", () => 1);

        Assert.Equal(["order/f1", "order/f2", "order/f3"], catalogue.Suggest("order/f"));
    }

    [Fact]
    public void Suggest_ExactId_ComesFirst()
    {
        Assert.Equal("queue/sjf", Policies().Suggest("queue/sjf")[0]);
    }

    [Fact]
    public void Find_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Policies().Find(null!));
    }

    [Fact]
    public void Find_EmptyCatalogue_HasNoSuggestion()
    {
        var error = Assert.Throws<UnknownComponentException>(() => new ComponentCatalogue<int>("reader").Find("trace/swf"));

        Assert.Equal("unknown reader 'trace/swf'.", error.Message);
        Assert.Empty(error.Suggestions);
    }

    [Fact]
    public void UnknownComponentException_MessageConstructor_HasNoSuggestions()
    {
        var error = new UnknownComponentException("plain");

        Assert.Equal("plain", error.Message);
        Assert.Empty(error.Suggestions);
        Assert.Null(error.Requested);
    }

    [Fact]
    public void UnknownComponentException_ThreeSuggestions_JoinsWithOr()
    {
        var error = new UnknownComponentException("queue order", "order/f", ["order/f1", "order/f2", "order/f3"]);

        Assert.Equal("unknown queue order 'order/f'; did you mean 'order/f1' or 'order/f2' or 'order/f3'?", error.Message);
    }
}
