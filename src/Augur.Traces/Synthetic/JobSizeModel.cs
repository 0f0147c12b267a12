using System.Numerics;

namespace Augur.Traces.Synthetic;

/// <summary>
/// Job sizes: serial with a fixed probability, otherwise 2^x with x two-stage uniform between log2 of the smallest
/// parallel job and log2 of the machine, and x rounded to an integer for the power-of-two share of jobs.
/// </summary>
internal sealed class JobSizeModel
{
    private readonly int processors;
    private readonly double low;
    private readonly double medium;
    private readonly double high;
    private readonly int largestPowerOfTwoExponent;

    public JobSizeModel(int processors)
    {
        this.processors = processors;
        high = DeterministicMath.Log2(processors);

        // The published stages assume a machine of 2^7; on very small machines they collapse onto [0, log2 P].
        low = Math.Min(LublinParameters.SizeLowLog2, high);
        medium = Math.Clamp(high - LublinParameters.SizeMediumBelowHigh, low, high);
        largestPowerOfTwoExponent = BitOperations.Log2((uint)processors);
    }

    public int Next(GammaSampler sampler)
    {
        var kind = sampler.NextUniform();
        if (kind < LublinParameters.SerialProbability)
        {
            return 1;
        }

        var firstStage = sampler.NextUniform() < LublinParameters.SizeFirstStageProbability;
        var position = sampler.NextUniform();
        var logSize = firstStage ? low + ((medium - low) * position) : medium + ((high - medium) * position);
        if (kind < LublinParameters.SerialProbability + LublinParameters.PowerOfTwoProbability)
        {
            // Rounding up past a machine that is not itself a power of two would overflow it: take the largest that fits.
            var exponent = Math.Min((int)Math.Round(logSize, MidpointRounding.AwayFromZero), largestPowerOfTwoExponent);
            return 1 << exponent;
        }

        var size = (int)Math.Round(DeterministicMath.Exp2(logSize), MidpointRounding.AwayFromZero);
        return Math.Clamp(size, 1, processors);
    }
}
