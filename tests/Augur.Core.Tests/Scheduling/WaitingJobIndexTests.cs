using Augur.Core.Scheduling;

namespace Augur.Core.Tests.Scheduling;

public sealed class WaitingJobIndexTests
{
    [Fact]
    public void FindFirst_EmptyIndex_ReturnsMinusOne()
    {
        var index = new WaitingJobIndex(8);

        Assert.Equal(-1, index.FindFirst(0, 100, 100, 1_000));
    }

    [Fact]
    public void FindFirst_AppliesTheEasyTest()
    {
        var index = new WaitingJobIndex(8);
        index.Set(0, processors: 4, plannedRunMicroseconds: 50);
        index.Set(1, processors: 2, plannedRunMicroseconds: 500);
        index.Set(2, processors: 1, plannedRunMicroseconds: 1_000);
        index.Set(5, processors: 3, plannedRunMicroseconds: 80);

        Assert.Equal(0, index.FindFirst(0, 5, 0, 100));
        Assert.Equal(1, index.FindFirst(1, 2, 2, 100));
        Assert.Equal(2, index.FindFirst(1, 1, 1, 100));
        Assert.Equal(5, index.FindFirst(1, 3, 0, 100));
        Assert.Equal(-1, index.FindFirst(1, 3, 0, 79));
        Assert.Equal(-1, index.FindFirst(6, 100, 100, 10_000));
    }

    [Fact]
    public void Clear_RemovesTheSlot()
    {
        var index = new WaitingJobIndex(4);
        index.Set(0, 1, 10);
        index.Set(1, 1, 10);

        index.Clear(0);

        Assert.Equal(1, index.FindFirst(0, 1, 1, 10));
    }

    [Fact]
    public void Resize_EmptiesEverySlot()
    {
        var index = new WaitingJobIndex(4);
        index.Set(3, 1, 10);

        index.Resize(100);

        Assert.Equal(-1, index.FindFirst(0, 1, 1, 10));
        index.Set(99, 1, 10);
        Assert.Equal(99, index.FindFirst(0, 1, 1, 10));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(3, 64)]
    [InlineData(4, 100)]
    public void FindFirst_RandomSlots_MatchesLinearSearch(int seed, int capacity)
    {
        var random = new Random(seed);
        var index = new WaitingJobIndex(capacity);
        var processors = new int?[capacity];
        var runs = new long[capacity];
        for (var step = 0; step < 20_000; step++)
        {
            var slot = random.Next(capacity);
            if (random.Next(3) == 0)
            {
                index.Clear(slot);
                processors[slot] = null;
            }
            else
            {
                processors[slot] = random.Next(1, 20);
                runs[slot] = random.Next(0, 10) * 100L;
                index.Set(slot, processors[slot]!.Value, runs[slot]);
            }

            var from = random.Next(capacity + 1);
            var free = random.Next(0, 22);
            var extra = random.Next(0, 22);
            long window = random.Next(0, 11) * 100;
            var expected = -1;
            for (var i = from; i < capacity; i++)
            {
                if (processors[i] is { } p && p <= free && (runs[i] <= window || p <= extra))
                {
                    expected = i;
                    break;
                }
            }

            Assert.Equal(expected, index.FindFirst(from, free, extra, window));
        }
    }
}
