namespace Augur.Traces.Synthetic;

/// <summary>
/// Gamma variates from a seeded <see cref="Random"/>, by Marsaglia and Tsang's squeeze-and-reject method ("A simple
/// method for generating gamma variables", ACM TOMS 26(3), 2000), with standard normals from Marsaglia's polar
/// method. Only <see cref="DeterministicMath"/> and square roots touch the draws, so the variates are the same bits on
/// every machine.
/// </summary>
internal sealed class GammaSampler(Random random)
{
    private double spareNormal;
    private bool hasSpareNormal;

    /// <summary>Uniform on [0, 1), from the same stream as the gamma draws.</summary>
    public double NextUniform() => random.NextDouble();

    /// <summary>Gamma with the given shape and scale (mean shape × scale).</summary>
    public double NextGamma(double shape, double scale)
    {
        if (shape < 1)
        {
            // Gamma(a) = Gamma(a + 1) · U^(1/a): the squeeze below needs a shape of at least 1.
            var boosted = NextGamma(shape + 1, scale);
            return boosted * DeterministicMath.Exp(DeterministicMath.Log(NextOpenUniform()) / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double normal;
            double v;
            do
            {
                normal = NextNormal();
                v = 1 + (c * normal);
            }
            while (v <= 0);

            v = v * v * v;
            var uniform = NextOpenUniform();
            var normalSquared = normal * normal;
            if (uniform < 1 - (0.0331 * normalSquared * normalSquared)
                || DeterministicMath.Log(uniform) < (0.5 * normalSquared) + (d * (1 - v + DeterministicMath.Log(v))))
            {
                return d * v * scale;
            }
        }
    }

    /// <summary>A standard normal variate; the polar method makes them in pairs, so every other call is free.</summary>
    public double NextNormal()
    {
        if (hasSpareNormal)
        {
            hasSpareNormal = false;
            return spareNormal;
        }

        double first;
        double second;
        double radiusSquared;
        do
        {
            first = (2 * random.NextDouble()) - 1;
            second = (2 * random.NextDouble()) - 1;
            radiusSquared = (first * first) + (second * second);
        }
        while (radiusSquared >= 1 || radiusSquared == 0);

        var factor = Math.Sqrt(-2 * DeterministicMath.Log(radiusSquared) / radiusSquared);
        spareNormal = second * factor;
        hasSpareNormal = true;
        return first * factor;
    }

    // (0, 1]: safe to take the logarithm of.
    private double NextOpenUniform() => 1 - random.NextDouble();
}
