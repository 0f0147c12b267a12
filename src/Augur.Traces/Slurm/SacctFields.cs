using System.Globalization;

namespace Augur.Traces.Slurm;

/// <summary>
/// Parsers for sacct's own value forms: local timestamps, <c>[D-]HH:MM:SS</c> durations, time limits and
/// memory sizes with unit suffixes. Each returns <see cref="FieldFailure.None"/> or the failure with the
/// offending value; none throws.
/// </summary>
internal static class SacctFields
{
    private const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss";
    private const string DurationForm = "[D-]HH:MM:SS or MM:SS[.mmm]";

    /// <summary>A petabyte in kilobytes, far above any job's memory: larger values are corrupt.</summary>
    private const double MaxKilobytes = 1024.0 * 1024 * 1024 * 1024;

    /// <summary>
    /// A local timestamp <c>yyyy-MM-ddTHH:mm:ss</c> in <paramref name="zone"/>, as Unix seconds.
    /// <c>Unknown</c> and <c>None</c> (no such time, e.g. the start of a job that never ran) give null.
    /// </summary>
    public static FieldFailure Timestamp(string token, int field, TimeZoneInfo zone, out long? unixSeconds)
    {
        unixSeconds = null;
        if (token.Length == 0)
        {
            return new FieldFailure(field, "missing value", "missing value");
        }

        if (token is "Unknown" or "None")
        {
            return FieldFailure.None;
        }

        if (!DateTime.TryParseExact(token, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new FieldFailure(field, "not a timestamp", $"not a timestamp ({TimestampFormat}, Unknown or None): '{CsvFields.Show(token)}'");
        }

        if (zone.IsInvalidTime(local))
        {
            return new FieldFailure(field, "not a local time", $"not a time in {zone.Id}: '{token}' falls in a daylight-saving gap");
        }

        // An ambiguous local time (the hour repeated when clocks go back) is read as standard time.
        var utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        unixSeconds = (long)(utc - DateTime.UnixEpoch).TotalSeconds;
        return FieldFailure.None;
    }

    /// <summary>
    /// A duration <c>[D-]HH:MM:SS</c>, <c>HH:MM:SS</c>, <c>MM:SS</c> or <c>MM:SS.mmm</c>, as whole seconds
    /// (a fraction is dropped).
    /// </summary>
    public static FieldFailure Duration(string token, int field, out long seconds)
    {
        seconds = 0;
        if (token.Length == 0)
        {
            return new FieldFailure(field, "missing value", "missing value");
        }

        var text = token.AsSpan();
        long days = 0;
        var dash = text.IndexOf('-');
        if (dash >= 0)
        {
            if (!TryDigits(text[..dash], 6, out days))
            {
                return NotADuration(token, field);
            }

            text = text[(dash + 1)..];
        }

        var point = text.IndexOf('.');
        if (point >= 0)
        {
            if (dash >= 0 || !TryDigits(text[(point + 1)..], 6, out _))
            {
                return NotADuration(token, field);
            }

            text = text[..point];
        }

        Span<long> parts = stackalloc long[3];
        var count = 0;
        foreach (var range in text.Split(':'))
        {
            if (count == 3 || !TryDigits(text[range], 4, out parts[count]))
            {
                return NotADuration(token, field);
            }

            count++;
        }

        // With days the form is D-HH:MM:SS; without, HH:MM:SS or MM:SS. Minutes and seconds stay below 60.
        if (count < 2 || (dash >= 0 && count != 3) || (point >= 0 && count != 2) || parts[count - 1] >= 60 || (count == 3 && parts[1] >= 60))
        {
            return NotADuration(token, field);
        }

        seconds = count == 3
            ? (days * 86_400) + (parts[0] * 3600) + (parts[1] * 60) + parts[2]
            : (parts[0] * 60) + parts[1];
        return FieldFailure.None;
    }

    /// <summary>A time limit: a duration, or <c>UNLIMITED</c> / <c>Partition_Limit</c> (none known: null).</summary>
    public static FieldFailure TimeLimit(string token, int field, out long? seconds)
    {
        seconds = null;
        if (token is "UNLIMITED" or "Partition_Limit")
        {
            return FieldFailure.None;
        }

        var failure = Duration(token, field, out var value);
        if (!failure.Failed)
        {
            seconds = value;
        }

        return failure.Failed && failure.Category == "not a duration"
            ? new FieldFailure(field, "not a time limit", $"not a time limit ({DurationForm}, UNLIMITED or Partition_Limit): '{CsvFields.Show(token)}'")
            : failure;
    }

    /// <summary>
    /// A memory size: a number (decimals allowed) with a unit K, M, G, T or P (powers of 1024), optionally
    /// followed by <c>n</c> (per node) or <c>c</c> (per CPU), as whole kilobytes. <c>0</c> needs no unit.
    /// </summary>
    public static FieldFailure Memory(string token, int field, bool allowScope, out double kilobytes, out char scope)
    {
        kilobytes = 0;
        scope = ' ';
        if (token.Length == 0)
        {
            return new FieldFailure(field, "missing value", "missing value");
        }

        var text = token.AsSpan();
        if (allowScope && text[^1] is 'n' or 'c')
        {
            scope = text[^1];
            text = text[..^1];
        }

        var unit = text.Length > 0 ? "KMGTP".IndexOf(text[^1], StringComparison.Ordinal) : -1;
        var number = unit >= 0 ? text[..^1] : text;
        if (number.IsEmpty || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            var forms = allowScope ? "4000M, 4G, 2Gn, 2Gc" : "123456K, 1.5G";
            return new FieldFailure(field, "not a memory size", $"not a memory size ({forms}): '{CsvFields.Show(token)}'");
        }

        if (unit < 0 && value != 0)
        {
            return new FieldFailure(field, "memory without unit", $"memory without unit (K, M, G, T or P): '{CsvFields.Show(token)}'");
        }

        kilobytes = unit < 0 ? 0 : Math.Round(value * Math.Pow(1024, unit));
        return kilobytes > MaxKilobytes
            ? new FieldFailure(field, "number too large", $"number too large: '{CsvFields.Show(token)}'")
            : FieldFailure.None;
    }

    private static FieldFailure NotADuration(string token, int field) =>
        new(field, "not a duration", $"not a duration ({DurationForm}): '{CsvFields.Show(token)}'");

    private static bool TryDigits(ReadOnlySpan<char> text, int maximumLength, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > maximumLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
