namespace Augur.Prediction.Experts;

/// <summary>
/// Each expert's recent error on a group of jobs (one user, or all): an exponentially weighted mean of
/// |log((1 + predicted) / (1 + actual))|, the log-ratio error that Tsafrir's accuracy measure also rewards.
/// </summary>
internal sealed class ExpertErrors
{
    public const int Experts = 5;

    private readonly double[] errors = new double[Experts];
    private readonly int[] counts = new int[Experts];

    public double ErrorOf(int expert) => errors[expert];

    public int CountOf(int expert) => counts[expert];

    public void Add(int expert, double error, double weight)
    {
        errors[expert] = counts[expert] == 0 ? error : errors[expert] + (weight * (error - errors[expert]));
        counts[expert]++;
    }
}
