using System.Globalization;

namespace Augur.Service.Executors.Slurm;

/// <summary>
/// One line of <c>Key=Value</c> pairs separated by spaces, as <c>scontrol show ... -o</c> and the jobcomp/filetxt
/// log print them. A value may hold spaces (a WorkDir, a Comment): a word that does not start a new
/// <c>Key=</c> belongs to the value before it.
/// </summary>
public sealed class SlurmKeyValues
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    private SlurmKeyValues(string source, int line)
    {
        Source = source;
        Line = line;
    }

    public string Source { get; }

    public int Line { get; }

    /// <summary>Reads one line; throws <see cref="SlurmOutputException"/> when it does not start with a pair.</summary>
    public static SlurmKeyValues Parse(string text, string source, int line)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new SlurmKeyValues(source, line);
        string? key = null;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && IsKey(word.AsSpan(0, equals)))
            {
                key = word[..equals];
                result.values[key] = word[(equals + 1)..];
            }
            else if (key is null)
            {
                throw SlurmOutputException.At(source, line, "(start)", $"expected Key=Value, found '{Shorten(word)}'");
            }
            else
            {
                result.values[key] += " " + word;
            }
        }

        if (key is null)
        {
            throw SlurmOutputException.At(source, line, "(start)", "empty line");
        }

        return result;
    }

    /// <summary>Reads every line that is not blank (scontrol -o, the jobcomp log); line numbers count the blank ones too.</summary>
    public static List<SlurmKeyValues> ParseLines(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var result = new List<SlurmKeyValues>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length > 0)
            {
                result.Add(Parse(line, source, i + 1));
            }
        }

        return result;
    }

    /// <summary>The value, or null when absent or Slurm's "(null)".</summary>
    public string? Optional(string key) => values.TryGetValue(key, out var value) && value is not ("(null)" or "") ? value : null;

    public string Required(string key) => values.TryGetValue(key, out var value)
        ? value
        : throw SlurmOutputException.At(Source, Line, key, "missing");

    public long Number(string key)
    {
        var text = Required(key);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw SlurmOutputException.At(Source, Line, key, $"expected a whole number, found '{Shorten(text)}'");
    }

    /// <summary>
    /// A time as Slurm prints it (<c>2026-11-22T13:02:58</c>, in the controller's local time zone) in
    /// microseconds since the Unix epoch; null for Unknown, None or N/A (squeue prints NONE for the end of a job
    /// that has none yet).
    /// </summary>
    public long? Time(string key, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var text = Optional(key);
        if (text is null || text.Equals("Unknown", StringComparison.OrdinalIgnoreCase) || text.Equals("None", StringComparison.OrdinalIgnoreCase) || text == "N/A")
        {
            return null;
        }

        if (!DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw SlurmOutputException.At(Source, Line, key, $"expected a time like 2026-11-22T13:02:58, found '{Shorten(text)}'");
        }

        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        return (utc - DateTime.UnixEpoch).Ticks / 10;
    }

    private static bool IsKey(ReadOnlySpan<char> key)
    {
        if (!char.IsAsciiLetter(key[0]))
        {
            return false;
        }

        foreach (var character in key)
        {
            if (!char.IsAsciiLetterOrDigit(character) && character is not ('_' or '/' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
