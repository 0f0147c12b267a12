namespace Augur.Traces.Synthetic;

/// <summary>
/// User ids 1..<see cref="Users"/>, user k chosen with probability proportional to 1/k (Zipf with exponent 1): a few
/// heavy users submit most jobs, as in real logs. The Lublin–Feitelson model has no users; this only gives
/// per-user policies and predictors something to key on.
/// </summary>
internal sealed class ZipfUserModel(Random random)
{
    public const int Users = 100;

    private static readonly double[] Cumulative = CreateCumulative();

    public int Next()
    {
        var draw = random.NextDouble();
        var lower = 0;
        var upper = Users - 1;
        while (lower < upper)
        {
            var middle = (lower + upper) / 2;
            if (Cumulative[middle] > draw)
            {
                upper = middle;
            }
            else
            {
                lower = middle + 1;
            }
        }

        return lower + 1;
    }

    /// <summary>The probability of user <paramref name="user"/> (1-based).</summary>
    public static double Probability(int user) =>
        user == 1 ? Cumulative[0] : Cumulative[user - 1] - Cumulative[user - 2];

    private static double[] CreateCumulative()
    {
        var cumulative = new double[Users];
        var total = 0.0;
        for (var user = 1; user <= Users; user++)
        {
            total += 1.0 / user;
            cumulative[user - 1] = total;
        }

        for (var index = 0; index < Users; index++)
        {
            cumulative[index] /= total;
        }

        // Division may leave the last entry a hair under 1; a draw in that hair must still find a user.
        cumulative[Users - 1] = 1;
        return cumulative;
    }
}
