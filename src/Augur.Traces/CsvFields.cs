using System.Globalization;
using Augur.Traces.Swf;

namespace Augur.Traces;

/// <summary>
/// Field parsers shared by the text readers (GPU CSV, sacct). Each returns <see cref="FieldFailure.None"/> or the failure with
/// the offending value; none throws. Numbers are plain decimal digits (no sign, exponent or thousands
/// separator), so that a shifted or corrupted column is caught rather than read as something else.
/// </summary>
internal static class CsvFields
{
    private const string TimestampFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>A whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static FieldFailure WholeNumber(string token, int field, long minimum, long maximum, out long value)
    {
        value = 0;
        if (token.Length == 0)
        {
            return new FieldFailure(field, "missing value", "missing value");
        }

        var negative = token[0] == '-';
        var digits = negative ? token.AsSpan(1) : token.AsSpan();
        if (digits.IsEmpty || !AllDigits(digits))
        {
            return IsDecimal(digits)
                ? new FieldFailure(field, "not a whole number", $"not a whole number: '{Show(token)}'")
                : new FieldFailure(field, "not a number", $"not a number: '{Show(token)}'");
        }

        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var magnitude) || magnitude > maximum)
        {
            return new FieldFailure(field, "number too large", $"number too large: '{Show(token)}' (at most {maximum})");
        }

        value = negative ? -magnitude : magnitude;
        if (value < minimum)
        {
            return negative
                ? new FieldFailure(field, "negative value", $"negative value {Show(token)}")
                : new FieldFailure(field, "value too small", $"value too small: {value} (at least {minimum})");
        }

        return FieldFailure.None;
    }

    /// <summary>
    /// A non-negative number of seconds with an optional decimal fraction (at most microseconds), as
    /// whole microseconds; at most <see cref="SwfField.MaxSeconds"/>, like every time Augur reads.
    /// </summary>
    public static FieldFailure Seconds(string token, int field, out long microseconds)
    {
        microseconds = 0;
        if (token.Length == 0)
        {
            return new FieldFailure(field, "missing value", "missing value");
        }

        if (token[0] == '-' && IsDecimal(token.AsSpan(1)))
        {
            return new FieldFailure(field, "negative value", $"negative value {Show(token)}");
        }

        if (!IsDecimal(token))
        {
            return new FieldFailure(field, "not a number", $"not a number: '{Show(token)}'");
        }

        var point = token.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? token : token[..point];
        var fraction = point < 0 ? string.Empty : token[(point + 1)..].TrimEnd('0');
        if (fraction.Length > 6)
        {
            return new FieldFailure(field, "finer than a microsecond", $"finer than a microsecond: '{Show(token)}'");
        }

        if (whole.Length == 0)
        {
            whole = "0";
        }

        if (!long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > SwfField.MaxSeconds)
        {
            return new FieldFailure(field, "number too large", $"number too large: '{Show(token)}' (times are limited to {SwfField.MaxSeconds} s)");
        }

        var micro = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(6, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        microseconds = (seconds * 1_000_000) + micro;
        return FieldFailure.None;
    }

    /// <summary>A UTC timestamp <c>yyyy-MM-dd HH:mm:ss</c>, as seconds since the Unix epoch.</summary>
    public static FieldFailure Timestamp(string token, int field, out long unixSeconds)
    {
        unixSeconds = 0;
        if (token.Length == 0)
        {
            return new FieldFailure(field, "missing value", "missing value");
        }

        if (!DateTime.TryParseExact(token, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return new FieldFailure(field, "not a timestamp", $"not a timestamp ({TimestampFormat}): '{Show(token)}'");
        }

        unixSeconds = (long)(parsed - DateTime.UnixEpoch).TotalSeconds;
        return FieldFailure.None;
    }

    /// <summary>A non-empty text value without surrounding blanks.</summary>
    public static FieldFailure Text(string token, int field)
    {
        if (token.Length == 0)
        {
            return new FieldFailure(field, "missing value", "missing value");
        }

        return token.Trim().Length != token.Length
            ? new FieldFailure(field, "blank around value", $"blank around value: '{Show(token)}'")
            : FieldFailure.None;
    }

    public static string Show(string token)
    {
        const int Limit = 24;
        return token.Length <= Limit ? token : string.Concat(token.AsSpan(0, Limit), "...");
    }

    /// <summary>A whole line, cut to 80 characters, for header messages.</summary>
    public static string ShowLine(string line)
    {
        const int Limit = 80;
        return line.Length <= Limit ? line : string.Concat(line.AsSpan(0, Limit), "...");
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Digits with at most one decimal point, and at least one digit.</summary>
    public static bool IsDecimal(ReadOnlySpan<char> text)
    {
        var digits = 0;
        var points = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '.' && ++points == 1)
            {
                continue;
            }
            else
            {
                return false;
            }
        }

        return digits > 0;
    }
}
