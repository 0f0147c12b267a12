namespace Augur.Traces.Synthetic;

/// <summary>
/// The published batch-job parameters of the Lublin–Feitelson model (U. Lublin and D. G. Feitelson, "The workload
/// on parallel supercomputers: modeling the characteristics of rigid jobs", JPDC 63(11), 2003), with the values and
/// conventions of the authors' reference generator <c>m_lublin99.c</c> from the Parallel Workloads Archive.
/// docs/formats/synthetic-lublin.md explains each one.
/// </summary>
internal static class LublinParameters
{
    // Job size. A uniform draw below SerialProbability gives a serial job; below SerialProbability +
    // PowerOfTwoProbability a parallel job whose log2(size) is rounded to an integer; otherwise a parallel job of any size.
    public const double SerialProbability = 0.2927;
    public const double PowerOfTwoProbability = 0.6686;

    // log2(size) of parallel jobs is two-stage uniform: [Low, Medium] with probability FirstStageProbability, else
    // [Medium, High]. High is log2 of the machine; the published fit (128 nodes) has High 7 and Medium 5, so Medium
    // keeps its distance of 2 below High when the machine size changes.
    public const double SizeLowLog2 = 1.2;
    public const double SizeMediumBelowHigh = 2.0;
    public const double SizeFirstStageProbability = 0.875;

    // Run time: the natural log of the run time in seconds is hyper-gamma, a mix of gamma(shape, scale) components.
    public const double ShortShape = 6.57;
    public const double ShortScale = 0.823;
    public const double LongShape = 639.1;
    public const double LongScale = 0.0156;

    // The probability of the short component falls linearly with the job's size in processors (as m_lublin99.c
    // computes it), clamped to [0, 1]: larger jobs run longer.
    public const double ShortProbabilitySlope = -0.003;
    public const double ShortProbabilityIntercept = 0.6986;

    // Draws of log(run time) above this are redrawn: no job runs longer than e^12 s (about 45 hours).
    public const double MaximumLogRunTime = 12.0;

    // Inter-arrival: the natural log of the gap in seconds at rush hour is gamma(shape * ratio, scale); the ratio
    // ("arrive rush-all ratio") rescales the rush-hour fit to the whole day.
    public const double ArrivalShape = 6.0415;
    public const double ArrivalRushToAllRatio = 1.0519;
    public const double ArrivalScale = 0.8531;

    // Draws of log(gap) above this are redrawn: no gap is longer than e^13 s (about 5 days).
    public const double MaximumLogInterArrival = 13.0;

    // The daily cycle: the share of arrivals in each half-hour slot follows a gamma(shape, scale) density over slots.
    public const double DailyCycleShape = 6.1271;
    public const double DailyCycleScale = 5.2740;

    // The fitted day starts at slot 11 (05:00, the quietest time) and wraps around midnight.
    public const int DailyCycleFirstSlot = 11;
}
