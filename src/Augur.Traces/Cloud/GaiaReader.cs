using System.Globalization;
using Augur.Traces.Gpu;
using Augur.Traces.Swf;

namespace Augur.Traces.Cloud;

/// <summary>
/// <c>trace/gaia</c>: the CPU job lists of the GAIA carbon-aware scheduling simulator (docs/formats/gaia.md),
/// header <c>arrival_time,length,cpus</c>, times in hours as decimals. Hours are turned into whole microseconds,
/// rounded to the nearest (halves away from zero). Arrival order is not checked: the workload is sorted by
/// submit time (stable) when it is built, as for SWF.
/// </summary>
public static class GaiaReader
{
    public const string FormatId = "trace/gaia";

    private const double MicrosecondsPerHour = 3_600_000_000d;

    internal static readonly CsvColumns Columns = new("arrival_time", "length", "cpus");

    public static GpuTrace<GaiaJob> Read(string path, GpuReadOptions? options = null) =>
        CsvTraceReader.Read<GaiaJob>(path, Columns, Parse, options);

    public static GpuTrace<GaiaJob> Read(Stream stream, string displayName, GpuReadOptions? options = null) =>
        CsvTraceReader.Read<GaiaJob>(stream, displayName, Columns, Parse, options);

    /// <summary>True when the file name is <c>gaia-*.csv</c> or <c>gaia-*.csv.gz</c>.</summary>
    public static bool IsGaiaName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name.StartsWith("gaia-", StringComparison.Ordinal)
            && (name.EndsWith(".csv", StringComparison.Ordinal) || name.EndsWith(".csv.gz", StringComparison.Ordinal));
    }

    /// <summary>Decimal hours (digits and at most one point; no sign, exponent or blanks) as whole microseconds, to the nearest.</summary>
    internal static FieldFailure Hours(string token, int field, out long microseconds)
    {
        microseconds = 0;
        if (token.Length == 0)
        {
            return new FieldFailure(field, "missing value", "missing value");
        }

        var negative = token[0] == '-';
        var unsigned = negative ? token[1..] : token;
        // Checked by hand first: double.TryParse would also take NaN, Infinity and the culture's symbols.
        if (!CsvFields.IsDecimal(unsigned) || !double.TryParse(unsigned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours))
        {
            return new FieldFailure(field, "not a number", $"not a number: '{CsvFields.Show(token)}'");
        }

        if (negative)
        {
            return new FieldFailure(field, "negative value", $"negative value {CsvFields.Show(token)}");
        }

        // Double.TryParse gives infinity for huge digit strings; the limit is the one every Augur time has.
        if (double.IsInfinity(hours) || hours * 3600d > SwfField.MaxSeconds)
        {
            return new FieldFailure(field, "number too large", $"number too large: '{CsvFields.Show(token)}' (times are limited to {SwfField.MaxSeconds} s)");
        }

        microseconds = (long)Math.Round(hours * MicrosecondsPerHour, MidpointRounding.AwayFromZero);
        return FieldFailure.None;
    }

    private static FieldFailure Parse(string[] fields, long line, out GaiaJob job)
    {
        job = default;
        var failure = Hours(fields[0], 1, out var arrival);
        if (failure.Failed)
        {
            return failure;
        }

        failure = Hours(fields[1], 2, out var length);
        if (failure.Failed)
        {
            return failure;
        }

        failure = CsvFields.WholeNumber(fields[2], 3, 1, int.MaxValue, out var cpus);
        if (failure.Failed)
        {
            return failure;
        }

        job = new GaiaJob(arrival, length, (int)cpus, line);
        return FieldFailure.None;
    }
}
