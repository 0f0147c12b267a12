namespace Augur.Traces.Synthetic;

/// <summary>
/// Run times: the natural log of the run time is hyper-gamma, a mix of a short and a long gamma component, and the
/// chance of the short one falls linearly with the job's size, which makes large jobs run longer.
/// </summary>
internal static class RunTimeModel
{
    /// <summary>The probability of the short component for a job of <paramref name="size"/> processors.</summary>
    public static double ShortProbability(int size) =>
        Math.Clamp((LublinParameters.ShortProbabilitySlope * size) + LublinParameters.ShortProbabilityIntercept, 0, 1);

    /// <summary>A run time in whole seconds, at least 1 and at most e^12.</summary>
    public static long Next(GammaSampler sampler, int size)
    {
        var shortProbability = ShortProbability(size);
        double logRunTime;
        do
        {
            logRunTime = sampler.NextUniform() < shortProbability
                ? sampler.NextGamma(LublinParameters.ShortShape, LublinParameters.ShortScale)
                : sampler.NextGamma(LublinParameters.LongShape, LublinParameters.LongScale);
        }
        while (logRunTime > LublinParameters.MaximumLogRunTime);

        return Math.Max(1, (long)Math.Floor(DeterministicMath.Exp(logRunTime)));
    }
}
