namespace Augur.Traces.Synthetic;

/// <summary>
/// Users' requested times, which the Lublin–Feitelson model leaves out and backfilling needs. After Tsafrir, Etsion
/// and Feitelson ("Modeling user runtime estimates", JSSPP 2005): users pick round limits from a small set of
/// popular values, and many simply ask for the maximum. A job asks for the maximum with
/// <see cref="MaximumRequestProbability"/>; otherwise its run time is multiplied by an over-estimation factor,
/// log-uniform on [1, <see cref="LargestOverestimationFactor"/>), and rounded up to the next popular limit. The two
/// constants are Augur's choice, not fitted values.
/// </summary>
internal sealed class RequestedTimeModel(Random random)
{
    public const double MaximumRequestProbability = 0.10;

    public const double LargestOverestimationFactor = 10;

    /// <summary>5, 10, 15, 30 minutes; 1, 2, 4, 8, 12, 18, 24, 36, 48 hours, in seconds.</summary>
    public static readonly long[] PopularLimits =
        [300, 600, 900, 1_800, 3_600, 7_200, 14_400, 28_800, 43_200, 64_800, 86_400, 129_600, 172_800];

    // Longer than any run time of the model (e^12 s is about 45.2 hours), so every job fits under it.
    public static readonly long MaximumLimit = PopularLimits[^1];

    private static readonly double LogOfLargestFactor = DeterministicMath.Log(LargestOverestimationFactor);

    /// <summary>A requested time in seconds, never less than <paramref name="runTime"/>.</summary>
    public long Next(long runTime)
    {
        // Both draws are made for every job so that one job's choice never shifts the draws of the next.
        var asksForMaximum = random.NextDouble() < MaximumRequestProbability;
        var factor = DeterministicMath.Exp(random.NextDouble() * LogOfLargestFactor);
        var limit = MaximumLimit;
        if (!asksForMaximum)
        {
            var wanted = runTime * factor;
            foreach (var popular in PopularLimits)
            {
                if (popular >= wanted)
                {
                    limit = popular;
                    break;
                }
            }
        }

        return Math.Max(limit, runTime);
    }
}
