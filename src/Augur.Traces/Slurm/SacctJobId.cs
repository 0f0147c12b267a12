namespace Augur.Traces.Slurm;

/// <summary>
/// A sacct JobID split into its job and its step: <c>123</c>, an array task <c>123_4</c>, a pending array
/// range <c>123_[5-9%2]</c>, a heterogeneous component <c>123+0</c>, each optionally followed by a step
/// (<c>.batch</c>, <c>.extern</c>, <c>.0</c>). The job part names the record a step belongs to.
/// </summary>
internal readonly record struct SacctJobId(string Job, string? Step)
{
    public bool IsStep => Step is not null;

    public static FieldFailure Parse(string token, int field, out SacctJobId id)
    {
        id = default;
        if (token.Length == 0)
        {
            return new FieldFailure(field, "missing value", "missing value");
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var job = dot < 0 ? token : token[..dot];
        var step = dot < 0 ? null : token[(dot + 1)..];
        if (!IsJob(job) || step is { Length: 0 } || (step is not null && !IsStepName(step)))
        {
            return new FieldFailure(field, "not a job id", $"not a job id (123, 123_4, 123_[5-9], 123+0, optionally .STEP): '{CsvFields.Show(token)}'");
        }

        id = new SacctJobId(job, step);
        return FieldFailure.None;
    }

    private static bool IsJob(string job)
    {
        var digits = LeadingDigits(job, 0);
        if (digits == 0)
        {
            return false;
        }

        if (digits == job.Length)
        {
            return true;
        }

        var rest = job.AsSpan(digits + 1);
        return job[digits] switch
        {
            '+' => rest.Length > 0 && LeadingDigits(job, digits + 1) == rest.Length,
            '_' when rest.Length > 2 && rest[0] == '[' && rest[^1] == ']' => IsRange(rest[1..^1]),
            '_' => rest.Length > 0 && LeadingDigits(job, digits + 1) == rest.Length,
            _ => false,
        };
    }

    /// <summary>An array range as sacct prints it for pending tasks: digits, <c>-</c>, <c>,</c> and a <c>%</c> limit.</summary>
    private static bool IsRange(ReadOnlySpan<char> range)
    {
        foreach (var c in range)
        {
            if (!char.IsAsciiDigit(c) && c is not '-' and not ',' and not '%')
            {
                return false;
            }
        }

        return range.Length > 0;
    }

    private static bool IsStepName(string step)
    {
        foreach (var c in step)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-')
            {
                return false;
            }
        }

        return true;
    }

    private static int LeadingDigits(string text, int from)
    {
        var i = from;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - from;
    }
}
