using System.Text;

namespace Augur.Traces.Swf;

public static partial class SwfReader
{
    /// <summary>Parses one job line (without leading blanks) into a record, or says which field is wrong and why.</summary>
    internal static bool TryParseRecord(ReadOnlySpan<byte> line, long lineNumber, out SwfRecord record, out ParseFailure failure)
    {
        Span<long> integers = stackalloc long[SwfField.Count];
        Span<double> fractions = stackalloc double[SwfField.Count];
        record = default;
        var position = 0;
        var field = 0;
        while (field < SwfField.Count)
        {
            while (position < line.Length && IsBlank(line[position]))
            {
                position++;
            }

            if (position == line.Length)
            {
                failure = new ParseFailure(0, "wrong field count", $"wrong field count: expected {SwfField.Count}, found {field}");
                return false;
            }

            var start = position;
            while (position < line.Length && !IsBlank(line[position]))
            {
                position++;
            }

            var token = line[start..position];
            field++;
            if (!TryParseNumber(token, field, out integers[field - 1], out fractions[field - 1], out var category, out var reason))
            {
                failure = new ParseFailure(field, category, reason);
                return false;
            }
        }

        while (position < line.Length && IsBlank(line[position]))
        {
            position++;
        }

        string? extra = null;
        if (position < line.Length)
        {
            var rest = line[position..];
            var end = rest.Length;
            while (end > 0 && IsBlank(rest[end - 1]))
            {
                end--;
            }

            extra = Encoding.UTF8.GetString(rest[..end]);
        }

        record = new SwfRecord(
            integers[0], integers[1], integers[2], integers[3], integers[4], fractions[5], fractions[6], integers[7],
            integers[8], fractions[9], integers[10], integers[11], integers[12], integers[13], integers[14], integers[15],
            integers[16], integers[17], extra)
        { Line = lineNumber };
        failure = default;
        return true;
    }

    /// <summary>
    /// A field is -1 (unknown) or a non-negative number. Integer fields take digits only (a zero fraction,
    /// "60.0", is accepted); CPU time and memory may carry a decimal fraction, as some archive logs write them.
    /// Times are bounded so that they fit the microsecond clock.
    /// </summary>
    private static bool TryParseNumber(ReadOnlySpan<byte> token, int field, out long integer, out double fraction, out string category, out string reason)
    {
        integer = 0;
        fraction = 0;
        var negative = token[0] == (byte)'-';
        var digits = negative ? token[1..] : token;
        ulong value = 0;
        var i = 0;
        var overflow = false;
        for (; i < digits.Length; i++)
        {
            var d = (uint)(digits[i] - (byte)'0');
            if (d > 9)
            {
                break;
            }

            if (value > (ulong.MaxValue - d) / 10)
            {
                overflow = true;
            }
            else
            {
                value = (value * 10) + d;
            }
        }

        var hasFraction = false;
        if (i < digits.Length)
        {
            // Only a decimal point followed by digits may follow the integer part.
            var valid = digits[i] == (byte)'.' && (i > 0 || digits.Length > 1);
            for (var j = i + 1; valid && j < digits.Length; j++)
            {
                valid = (uint)(digits[j] - (byte)'0') <= 9;
            }

            if (!valid || digits.Length == 0)
            {
                category = "not a number";
                reason = $"not a number: '{Show(token)}'";
                return false;
            }

            for (var j = i + 1; j < digits.Length; j++)
            {
                hasFraction |= digits[j] != (byte)'0';
            }

            if (hasFraction && !SwfField.AllowsFraction(field))
            {
                category = "not a whole number";
                reason = $"not a whole number: '{Show(token)}'";
                return false;
            }
        }
        else if (digits.IsEmpty)
        {
            category = "not a number";
            reason = $"not a number: '{Show(token)}'";
            return false;
        }

        var limit = SwfField.IsTime(field) ? SwfField.MaxSeconds : long.MaxValue / 4;
        if (overflow || value > (ulong)limit)
        {
            category = "number too large";
            reason = SwfField.IsTime(field)
                ? $"number too large: '{Show(token)}' (times are limited to {SwfField.MaxSeconds} s)"
                : $"number too large: '{Show(token)}'";
            return false;
        }

        if (negative)
        {
            if (value != 1 || hasFraction)
            {
                category = "negative value";
                reason = $"negative value {Show(token)} (only -1, meaning unknown, may be negative)";
                return false;
            }

            integer = -1;
            fraction = -1;
            category = reason = string.Empty;
            return true;
        }

        integer = (long)value;
        fraction = hasFraction
            ? double.Parse(token, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture)
            : value;
        category = reason = string.Empty;
        return true;
    }

    private static string Show(ReadOnlySpan<byte> token)
    {
        const int Limit = 24;
        var builder = new StringBuilder();
        foreach (var b in token[..Math.Min(token.Length, Limit)])
        {
            builder.Append(b is >= 0x20 and < 0x7f ? (char)b : '?');
        }

        if (token.Length > Limit)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }

    /// <summary>
    /// Which field (0: the record as a whole) is wrong, the kind of problem (what lenient mode counts by),
    /// and the full reason with the offending value (what strict mode reports).
    /// </summary>
    internal readonly record struct ParseFailure(int Field, string Category, string Reason)
    {
        public string CountedAs => Field > 0 ? $"field {Field} ({SwfField.NameOf(Field)}): {Category}" : Category;
    }
}
