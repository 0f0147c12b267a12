using Augur.Core.Identifiers;

namespace Augur.Core.Tests.Identifiers;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("easy", "easy", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("backfill/eazy", "backfill/easy", 1)]
    [InlineData("backfil/easy", "backfill/easy", 1)]
    [InlineData("backfill/easyy", "backfill/easy", 1)]
    [InlineData("ab", "ba", 1)]
    [InlineData("queue/sjfs", "queue/fcfs", 2)]
    [InlineData("backfill", "backfill/easy", 5)]
    [InlineData("conserv", "conservative", 5)]
    public void Between_KnownPairs_CountsEditsAndAdjacentSwapsAsOne(string left, string right, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(left, right));
        Assert.Equal(expected, EditDistance.Between(right, left));
    }

    [Fact]
    public void Between_IsCaseSensitive()
    {
        Assert.Equal(1, EditDistance.Between("Easy", "easy"));
    }

    [Fact]
    public void Between_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => EditDistance.Between(null!, "a"));
        Assert.Throws<ArgumentNullException>(() => EditDistance.Between("a", null!));
    }
}
