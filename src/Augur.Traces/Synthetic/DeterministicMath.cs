namespace Augur.Traces.Synthetic;

/// <summary>
/// Logarithm, exponential and the gamma function built only from IEEE-754 basic operations (+, −, ×, ÷, square
/// root), which are correctly rounded everywhere. <see cref="Math.Log(double)"/> and <see cref="Math.Exp"/> call the
/// platform's C library and may differ in the last bit between operating systems and processors; one such bit can
/// flip an accept/reject decision in a sampler and change every job after it. These are accurate to a few units in
/// the last place, which is far finer than the model needs, and give the same bits on every machine.
/// </summary>
internal static class DeterministicMath
{
    public const double Ln2 = 0.69314718055994530942;

    // ln 2 split so that k * Ln2High is exact for the |k| an exponential can take.
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.41421356237309504880;
    private const double HalfLogTwoPi = 0.91893853320467274178;
    private const double SmallestNormal = 2.2250738585072014e-308;
    private const long MantissaMask = 0x000F_FFFF_FFFF_FFFFL;
    private const long ExponentOfOne = 0x3FF0_0000_0000_0000L;

    // 1 / (2k + 1): the coefficients of 2 artanh(s) = ln((1 + s) / (1 - s)).
    private static readonly double[] ArtanhCoefficients = CreateArtanhCoefficients(13);

    // 1 / k: the Horner factors of the Taylor series of e^r.
    private static readonly double[] Reciprocals = CreateReciprocals(14);

    public static double Log(double x)
    {
        if (!(x > 0) || double.IsPositiveInfinity(x))
        {
            return x == 0 ? double.NegativeInfinity : x > 0 ? x : double.NaN;
        }

        var exponent = Decompose(x, out var mantissa);
        return (exponent * Ln2High) + ((exponent * Ln2Low) + LogOfMantissa(mantissa));
    }

    /// <summary>log2(x); exact for powers of two.</summary>
    public static double Log2(double x)
    {
        if (!(x > 0) || double.IsPositiveInfinity(x))
        {
            return Log(x);
        }

        var exponent = Decompose(x, out var mantissa);
        return exponent + (LogOfMantissa(mantissa) / Ln2);
    }

    public static double Exp(double x)
    {
        if (double.IsNaN(x) || x > 709.78)
        {
            return double.IsNaN(x) ? x : double.PositiveInfinity;
        }

        if (x < -745.2)
        {
            return 0;
        }

        // x = k ln 2 + r with |r| <= ln(2) / 2, so e^x = 2^k e^r and the series for e^r converges fast.
        var k = Math.Round(x / Ln2);
        var r = (x - (k * Ln2High)) - (k * Ln2Low);
        var sum = 1.0;
        for (var index = Reciprocals.Length - 1; index >= 1; index--)
        {
            sum = 1.0 + (r * Reciprocals[index] * sum);
        }

        return Math.ScaleB(sum, (int)k);
    }

    /// <summary>2^x.</summary>
    public static double Exp2(double x) => Exp(x * Ln2);

    /// <summary>ln Γ(a) for a &gt; 0 (Stirling's series after shifting the argument to at least 10).</summary>
    public static double LogGamma(double a)
    {
        var product = 1.0;
        var z = a;
        while (z < 10)
        {
            product *= z;
            z += 1;
        }

        var inverse = 1 / z;
        var inverseSquared = inverse * inverse;
        var series = inverse * ((1.0 / 12) - (inverseSquared * ((1.0 / 360) - (inverseSquared * ((1.0 / 1260)
            - (inverseSquared * ((1.0 / 1680) - (inverseSquared * ((1.0 / 1188) - (inverseSquared * 691 / 360_360))))))))));
        return ((z - 0.5) * Log(z)) - z + HalfLogTwoPi + series - Log(product);
    }

    /// <summary>The regularized lower incomplete gamma function P(a, x): the CDF of gamma(a, 1) at x.</summary>
    public static double RegularizedGammaP(double a, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        var logPrefix = (a * Log(x)) - x - LogGamma(a);
        return x < a + 1 ? LowerSeries(a, x, logPrefix) : 1 - UpperContinuedFraction(a, x, logPrefix);
    }

    private static double LowerSeries(double a, double x, double logPrefix)
    {
        var denominator = a;
        var term = 1 / a;
        var sum = term;
        for (var iteration = 0; iteration < 1000 && Math.Abs(term) > Math.Abs(sum) * 1e-16; iteration++)
        {
            denominator += 1;
            term *= x / denominator;
            sum += term;
        }

        return sum * Exp(logPrefix);
    }

    // Q(a, x) by the modified Lentz evaluation of its continued fraction; the series converges too slowly here.
    private static double UpperContinuedFraction(double a, double x, double logPrefix)
    {
        const double tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1 / tiny;
        var d = 1 / b;
        var fraction = d;
        for (var index = 1; index <= 1000; index++)
        {
            var numerator = -index * (index - a);
            b += 2;
            d = (numerator * d) + b;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = b + (numerator / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var step = d * c;
            fraction *= step;
            if (Math.Abs(step - 1) < 1e-16)
            {
                break;
            }
        }

        return Exp(logPrefix) * fraction;
    }

    // x = mantissa * 2^exponent with mantissa in [sqrt(1/2), sqrt(2)), read from the bits (exact).
    private static int Decompose(double x, out double mantissa)
    {
        var adjustment = 0;
        if (x < SmallestNormal)
        {
            x = Math.ScaleB(x, 54);
            adjustment = -54;
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        mantissa = BitConverter.Int64BitsToDouble((bits & MantissaMask) | ExponentOfOne);
        if (mantissa >= Sqrt2)
        {
            mantissa *= 0.5;
            exponent++;
        }

        return exponent + adjustment;
    }

    // ln m = 2 artanh(s) with s = (m - 1) / (m + 1); |s| <= 0.172 on the mantissa's range, so 13 terms suffice.
    private static double LogOfMantissa(double mantissa)
    {
        var s = (mantissa - 1) / (mantissa + 1);
        var squared = s * s;
        var sum = 0.0;
        for (var index = ArtanhCoefficients.Length - 1; index >= 0; index--)
        {
            sum = (sum * squared) + ArtanhCoefficients[index];
        }

        return 2 * s * sum;
    }

    private static double[] CreateArtanhCoefficients(int count)
    {
        var coefficients = new double[count];
        for (var index = 0; index < count; index++)
        {
            coefficients[index] = 1.0 / ((2 * index) + 1);
        }

        return coefficients;
    }

    private static double[] CreateReciprocals(int count)
    {
        var reciprocals = new double[count + 1];
        for (var index = 1; index <= count; index++)
        {
            reciprocals[index] = 1.0 / index;
        }

        return reciprocals;
    }
}
