using System.Globalization;
using System.Text;

namespace Augur.Service.Executors.Slurm;

/// <summary>
/// Reads jobs from <c>scontrol show job -o</c> (one line per job: JobId, JobName, JobState, Reason, ExitCode,
/// StartTime, EndTime, NodeList), from the jobcomp/filetxt log (the same pairs, with Name for JobName and no
/// Reason) and from <c>squeue -h -o "%i|%j|%T|%r|%S|%e|%N"</c>.
/// </summary>
public static class SlurmJobParser
{
    /// <summary>The squeue format the executor asks for; <see cref="ParseSqueue"/> reads it.</summary>
    public const string SqueueFormat = "%i|%j|%T|%r|%S|%e|%N";

    public static IReadOnlyList<SlurmJobInfo> ParseScontrol(string output, TimeZoneInfo zone) =>
        ParseLines(output, "scontrol show job -o", pairs => FromPairs(pairs, "JobName", zone));

    public static IReadOnlyList<SlurmJobInfo> ParseJobcomp(string text, string path, TimeZoneInfo zone) =>
        ParseLines(text, path, pairs => FromPairs(pairs, "Name", zone));

    /// <summary>
    /// The jobcomp log, read line by line as slurmctld appends to it: a last line without its newline is still
    /// being written and is left for the next read; a line that cannot be read is skipped, its error (file, line,
    /// field, reason) added to <paramref name="skipped"/>, so that one bad line does not hide every other end.
    /// </summary>
    public static List<SlurmJobInfo> ReadJobcomp(TextReader reader, string path, TimeZoneInfo zone, List<string> skipped)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(skipped);
        var jobs = new List<SlurmJobInfo>();
        var buffer = new char[8192];
        var line = new StringBuilder();
        var number = 0;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != '\n')
                {
                    line.Append(buffer[i]);
                    continue;
                }

                number++;
                var text = line.ToString().TrimEnd('\r');
                line.Clear();
                if (text.Length == 0)
                {
                    continue;
                }

                try
                {
                    jobs.Add(FromPairs(SlurmKeyValues.Parse(text, path, number), "Name", zone));
                }
                catch (SlurmOutputException exception)
                {
                    skipped.Add(exception.Message);
                }
            }
        }

        return jobs;
    }

    public static IReadOnlyList<SlurmJobInfo> ParseSqueue(string output, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(zone);
        var jobs = new List<SlurmJobInfo>();
        var lines = output.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split('|');
            if (cells.Length != 7)
            {
                throw SlurmOutputException.At("squeue", i + 1, "(line)", $"expected 7 fields separated by '|' ({SqueueFormat}), found {cells.Length}");
            }

            if (!long.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw SlurmOutputException.At("squeue", i + 1, "%i", $"expected a job id, found '{SlurmKeyValues.Shorten(cells[0])}'");
            }

            if (cells[2].Length == 0)
            {
                throw SlurmOutputException.At("squeue", i + 1, "%T", "empty state");
            }

            var times = SlurmKeyValues.Parse($"StartTime={Cell(cells[4])} EndTime={Cell(cells[5])}", "squeue", i + 1);
            jobs.Add(new SlurmJobInfo(
                id,
                cells[1],
                cells[2],
                cells[3] is "" or "None" or "(null)" ? null : cells[3],
                null,
                null,
                times.Time("StartTime", zone),
                times.Time("EndTime", zone),
                cells[6].Length == 0 ? null : cells[6]));
        }

        return jobs;
    }

    private static string Cell(string text) => text.Length == 0 ? "N/A" : text.Replace(' ', '_');

    private static List<SlurmJobInfo> ParseLines(string text, string source, Func<SlurmKeyValues, SlurmJobInfo> read) =>
        SlurmKeyValues.ParseLines(text, source).ConvertAll(read.Invoke);

    private static SlurmJobInfo FromPairs(SlurmKeyValues pairs, string nameKey, TimeZoneInfo zone)
    {
        var (exit, signal) = ExitCode(pairs);
        return new SlurmJobInfo(
            pairs.Number("JobId"),
            pairs.Optional(nameKey) ?? string.Empty,
            pairs.Required("JobState"),
            pairs.Optional("Reason") is { } reason && reason != "None" ? reason : null,
            exit,
            signal,
            pairs.Time("StartTime", zone),
            pairs.Time("EndTime", zone),
            pairs.Optional("NodeList"));
    }

    /// <summary>ExitCode=N:S — the exit code and the signal that ended the job's batch step.</summary>
    private static (int? Exit, int? Signal) ExitCode(SlurmKeyValues pairs)
    {
        if (pairs.Optional("ExitCode") is not { } text)
        {
            return (null, null);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0
            || !int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var exit)
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var signal))
        {
            throw SlurmOutputException.At(pairs.Source, pairs.Line, "ExitCode", $"expected EXIT:SIGNAL such as 0:0, found '{SlurmKeyValues.Shorten(text)}'");
        }

        return (exit, signal);
    }
}
