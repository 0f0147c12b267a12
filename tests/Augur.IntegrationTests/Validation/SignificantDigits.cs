namespace Augur.IntegrationTests.Validation;

internal static class SignificantDigits
{
    /// <summary>Rounds <paramref name="value"/> to <paramref name="digits"/> significant digits.</summary>
    public static double Round(double value, int digits)
    {
        var scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value * scale) / scale;
    }
}
