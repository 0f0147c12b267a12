namespace Augur.Simulation.Gpu;

/// <summary>
/// Jain's fairness index (Jain, Chiu and Hawe, "A Quantitative Measure of Fairness and Discrimination for
/// Resource Allocation in Shared Computer Systems", DEC-TR-301, 1984): (sum x)^2 / (n x sum x^2). It is 1 when
/// every party gets the same and 1/n when one party gets everything; NaN when there is no party or all got 0.
/// </summary>
public static class JainIndex
{
    public static double Of(ReadOnlySpan<double> amounts)
    {
        double sum = 0, squares = 0;
        foreach (var amount in amounts)
        {
            if (!(amount >= 0) || double.IsInfinity(amount))
            {
                throw new ArgumentOutOfRangeException(nameof(amounts), amount, "Jain's index takes finite amounts of at least 0.");
            }

            sum += amount;
            squares += amount * amount;
        }

        return amounts.Length == 0 || squares == 0 ? double.NaN : sum * sum / (amounts.Length * squares);
    }
}
