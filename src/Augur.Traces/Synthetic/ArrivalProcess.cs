namespace Augur.Traces.Synthetic;

/// <summary>
/// The model's arrival process: gamma-distributed log gaps, stretched and squeezed by a daily cycle. A gap is drawn
/// as if it were rush hour and turned into "points"; every half-hour slot of the day costs points in proportion to
/// its share of the day's arrivals, so the clock runs through busy slots slowly (many arrivals) and through quiet
/// ones quickly (few). The day starts at midnight, slot 0.
/// </summary>
internal sealed class ArrivalProcess
{
    public const int SlotsPerDay = 48;
    public const double SecondsPerSlot = 86_400.0 / SlotsPerDay;

    private readonly GammaSampler sampler;
    private readonly double[] slotWeights = DailySlotWeights();
    private long slot;
    private double pointsSpentInSlot;

    public ArrivalProcess(GammaSampler sampler) => this.sampler = sampler;

    /// <summary>The relative arrival rate of each half-hour slot of the day, slot 0 starting at midnight; mean 1.</summary>
    public static double[] DailySlotWeights()
    {
        var weights = new double[SlotsPerDay];
        var sum = 0.0;
        for (var index = 0; index < SlotsPerDay; index++)
        {
            // The gamma density is laid over slots numbered from the first fitted slot on, wrapping past midnight;
            // slot number i stands for time of day (i - 1) half hours (the numbering of m_lublin99.c).
            var fitted = index + 1 >= LublinParameters.DailyCycleFirstSlot ? index + 1 : index + 1 + SlotsPerDay;
            weights[index] = DailyCycleCdf(fitted + 0.5) - DailyCycleCdf(fitted - 0.5);
            sum += weights[index];
        }

        var mean = sum / SlotsPerDay;
        for (var index = 0; index < SlotsPerDay; index++)
        {
            weights[index] /= mean;
        }

        return weights;
    }

    /// <summary>The next arrival, in seconds from the start (midnight of day 0); never earlier than the last one.</summary>
    public double NextArrivalSeconds()
    {
        double logGap;
        do
        {
            logGap = sampler.NextGamma(
                LublinParameters.ArrivalShape * LublinParameters.ArrivalRushToAllRatio, LublinParameters.ArrivalScale);
        }
        while (logGap > LublinParameters.MaximumLogInterArrival);

        var points = DeterministicMath.Exp(logGap) / SecondsPerSlot;
        while (true)
        {
            var weight = slotWeights[slot % SlotsPerDay];
            var left = weight - pointsSpentInSlot;
            if (points < left)
            {
                pointsSpentInSlot += points;
                break;
            }

            points -= left;
            pointsSpentInSlot = 0;
            slot++;
        }

        return (slot + (pointsSpentInSlot / slotWeights[slot % SlotsPerDay])) * SecondsPerSlot;
    }

    private static double DailyCycleCdf(double slotNumber) =>
        DeterministicMath.RegularizedGammaP(LublinParameters.DailyCycleShape, slotNumber / LublinParameters.DailyCycleScale);
}
