using Augur.Simulation.Gpu;

namespace Augur.Simulation.Tests.Gpu;

public sealed class JainIndexTests
{
    [Fact]
    public void Of_EqualAmounts_IsOne()
    {
        Assert.Equal(1, JainIndex.Of([5, 5, 5, 5]), 12);
    }

    [Fact]
    public void Of_OnePartyGetsEverything_IsOneOverN()
    {
        Assert.Equal(0.25, JainIndex.Of([7, 0, 0, 0]), 12);
    }

    [Fact]
    public void Of_OneTwoThree_IsThirtySixOverFortyTwo()
    {
        // (1 + 2 + 3)^2 / (3 x (1 + 4 + 9)) = 36 / 42.
        Assert.Equal(36.0 / 42, JainIndex.Of([1, 2, 3]), 12);
    }

    [Fact]
    public void Of_NoPartyOrNothingGiven_IsNaN()
    {
        Assert.True(double.IsNaN(JainIndex.Of([])));
        Assert.True(double.IsNaN(JainIndex.Of([0, 0])));
    }

    [Fact]
    public void Of_NegativeAmount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JainIndex.Of([1, -1]));
    }
}
