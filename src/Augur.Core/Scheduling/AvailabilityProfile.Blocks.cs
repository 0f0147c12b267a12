using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Core.Scheduling;

public sealed partial class AvailabilityProfile
{
    private const int BlockCapacity = 128;

    private long[][] blockEnds = [new long[BlockCapacity]];
    private RunningJob[][] blockEntries = [new RunningJob[BlockCapacity]];
    private int[] blockSizes = new int[1];
    private int blockCount = 1;

    private void Insert(RunningJob job)
    {
        var end = job.EstimatedEnd.Microseconds;

        // The last block whose first end is <= end takes the job, after its equal ends (start order).
        var block = 0;
        for (int low = 1, high = blockCount - 1; low <= high;)
        {
            var middle = (low + high) >>> 1;
            if (blockSizes[middle] > 0 && blockEnds[middle][0] <= end)
            {
                block = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (blockSizes[block] == BlockCapacity)
        {
            Split(block);
            if (end >= blockEnds[block + 1][0])
            {
                block++;
            }
        }

        var ends = blockEnds[block];
        var entries = blockEntries[block];
        var size = blockSizes[block];
        var position = UpperBound(ends, size, end);
        Array.Copy(ends, position, ends, position + 1, size - position);
        Array.Copy(entries, position, entries, position + 1, size - position);
        ends[position] = end;
        entries[position] = job;
        blockSizes[block] = size + 1;
    }

    private RunningJob Delete(JobRequest job, long end)
    {
        for (var block = FirstBlockWithEndAtLeast(end); block < blockCount; block++)
        {
            var ends = blockEnds[block];
            var entries = blockEntries[block];
            var size = blockSizes[block];
            for (var i = LowerBound(ends, size, end); i < size; i++)
            {
                if (ends[i] != end)
                {
                    break;
                }

                if (ReferenceEquals(entries[i].Request, job))
                {
                    var removed = entries[i];
                    Array.Copy(ends, i + 1, ends, i, size - i - 1);
                    Array.Copy(entries, i + 1, entries, i, size - i - 1);
                    entries[size - 1] = default;
                    blockSizes[block] = size - 1;
                    if (size == 1 && blockCount > 1)
                    {
                        RemoveBlock(block);
                    }

                    return removed;
                }
            }
        }

        throw new InvalidOperationException($"{job} is not in the availability profile with planned end {new Instant(end)}.");
    }

    private int FirstBlockWithEndAtLeast(long end)
    {
        int low = 0, high = blockCount;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var size = blockSizes[middle];
            if (size > 0 && blockEnds[middle][size - 1] < end)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private void Split(int block)
    {
        if (blockCount == blockSizes.Length)
        {
            var capacity = blockSizes.Length * 2;
            Array.Resize(ref blockEnds, capacity);
            Array.Resize(ref blockEntries, capacity);
            Array.Resize(ref blockSizes, capacity);
        }

        Array.Copy(blockEnds, block + 1, blockEnds, block + 2, blockCount - block - 1);
        Array.Copy(blockEntries, block + 1, blockEntries, block + 2, blockCount - block - 1);
        Array.Copy(blockSizes, block + 1, blockSizes, block + 2, blockCount - block - 1);
        const int Half = BlockCapacity / 2;
        var newEnds = new long[BlockCapacity];
        var newEntries = new RunningJob[BlockCapacity];
        Array.Copy(blockEnds[block], Half, newEnds, 0, Half);
        Array.Copy(blockEntries[block], Half, newEntries, 0, Half);
        Array.Clear(blockEntries[block], Half, Half);
        blockEnds[block + 1] = newEnds;
        blockEntries[block + 1] = newEntries;
        blockSizes[block] = Half;
        blockSizes[block + 1] = Half;
        blockCount++;
    }

    private void RemoveBlock(int block)
    {
        Array.Copy(blockEnds, block + 1, blockEnds, block, blockCount - block - 1);
        Array.Copy(blockEntries, block + 1, blockEntries, block, blockCount - block - 1);
        Array.Copy(blockSizes, block + 1, blockSizes, block, blockCount - block - 1);
        blockCount--;
        blockEnds[blockCount] = null!;
        blockEntries[blockCount] = null!;
        blockSizes[blockCount] = 0;
    }

    private static int LowerBound(long[] ends, int size, long end)
    {
        int low = 0, high = size;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (ends[middle] < end)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static int UpperBound(long[] ends, int size, long end)
    {
        int low = 0, high = size;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (ends[middle] <= end)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Walks the running jobs in order of planned end without allocating.</summary>
    public struct Enumerator
    {
        private readonly AvailabilityProfile profile;
        private int block;
        private int index;

        internal Enumerator(AvailabilityProfile profile)
        {
            this.profile = profile;
            block = 0;
            index = -1;
        }

        public readonly RunningJob Current => profile.blockEntries[block][index];

        public bool MoveNext()
        {
            index++;
            while (block < profile.blockCount)
            {
                if (index < profile.blockSizes[block])
                {
                    return true;
                }

                block++;
                index = 0;
            }

            return false;
        }
    }
}
