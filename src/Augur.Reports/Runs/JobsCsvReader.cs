using System.Globalization;
using Augur.Reports.Comparisons;

namespace Augur.Reports.Runs;

/// <summary>
/// Reads a run's jobs.csv (docs/outputs.md) strictly: the header names the columns (in any order; unknown ones
/// are ignored so that newer files still read), every row has as many cells as the header, and a bad cell stops
/// the read with <c>file:line: field NAME: reason</c>. Nothing is skipped.
/// </summary>
public static class JobsCsvReader
{
    private const double Tolerance = 1e-6;

    private static readonly string[] Required = ["id", "submit", "start", "end", "wait", "run", "procs", "bsld"];

    public static JobTable Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new RunFolderException($"{path}: missing (is its folder a run folder written by augur simulate?)");
        }

        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static JobTable Read(TextReader reader, string path)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(path);
        var header = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new RunFolderException($"{path}:1: empty file: expected the header line id,submit,...");
        }

        var names = header.Split(',');
        var repeated = names.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (repeated is not null)
        {
            throw new RunFolderException($"{path}:1: field {repeated.Key}: appears twice in the header");
        }

        var columns = new Columns(names);
        foreach (var name in Required)
        {
            if (columns.IndexOf(name) < 0)
            {
                throw new RunFolderException($"{path}:1: field {name}: missing from the header");
            }
        }

        var jobs = new List<JobRow>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                throw new RunFolderException($"{path}:{lineNumber}: empty line");
            }

            var cells = line.Split(',');
            if (cells.Length != names.Length)
            {
                throw new RunFolderException($"{path}:{lineNumber}: {cells.Length} fields, the header has {names.Length}");
            }

            jobs.Add(ParseRow(new Row(path, lineNumber, cells, columns)));
        }

        return new JobTable(path, jobs, columns.IndexOf("user") >= 0, columns.IndexOf("predicted") >= 0);
    }

    private static JobRow ParseRow(Row row)
    {
        var id = row.Integer("id");
        var submit = row.Number("submit", minimum: 0);
        var processors = (int)row.Integer("procs", minimum: 1, maximum: int.MaxValue);
        var user = row.Has("user") ? (int)row.Integer("user", minimum: -1, maximum: int.MaxValue) : -1;
        var predicted = row.Has("predicted") ? row.Number("predicted", minimum: -1) : double.NaN;
        if (predicted is < 0 and > -1)
        {
            throw row.Error("predicted", $"{predicted.ToString(CultureInfo.InvariantCulture)} is neither -1 (unbounded) nor a run time of 0 or more");
        }

        if (row.IsEmpty("start"))
        {
            // A job that never started: every schedule cell must be empty, or the file contradicts itself.
            foreach (var name in new[] { "end", "wait", "run", "bsld" })
            {
                if (!row.IsEmpty(name))
                {
                    throw row.Error(name, "has a value but start is empty (a job that never started has no schedule)");
                }
            }

            return new JobRow(id, submit, double.NaN, double.NaN, double.NaN, double.NaN, processors, double.NaN, user, predicted);
        }

        var start = row.Number("start", minimum: submit);
        var end = row.Number("end", minimum: start);
        var wait = row.Number("wait", minimum: 0);
        var run = row.Number("run", minimum: 0);
        var boundedSlowdown = row.Number("bsld", minimum: 1);

        // The wait charts read wait, the timeline and schedule read start and end: a row must not contradict itself.
        // Tolerance: the writer's six decimals.
        if (Math.Abs(wait - (start - submit)) > Tolerance)
        {
            throw row.Error("wait", $"{wait.ToString(CultureInfo.InvariantCulture)} is not start - submit ({(start - submit).ToString(CultureInfo.InvariantCulture)})");
        }

        if (Math.Abs(run - (end - start)) > Tolerance)
        {
            throw row.Error("run", $"{run.ToString(CultureInfo.InvariantCulture)} is not end - start ({(end - start).ToString(CultureInfo.InvariantCulture)})");
        }

        return new JobRow(id, submit, start, end, wait, run, processors, boundedSlowdown, user, predicted);
    }

    private sealed class Columns(string[] names)
    {
        private readonly Dictionary<string, int> indices = names
            .Select((name, index) => (name, index))
            .ToDictionary(pair => pair.name, pair => pair.index, StringComparer.Ordinal);

        public int IndexOf(string name) => indices.TryGetValue(name, out var index) ? index : -1;
    }

    private readonly struct Row(string path, int line, string[] cells, Columns columns)
    {
        public bool Has(string name) => columns.IndexOf(name) >= 0;

        public bool IsEmpty(string name) => cells[columns.IndexOf(name)].Length == 0;

        public RunFolderException Error(string name, string reason) =>
            new($"{path}:{line}: field {name}: {reason}");

        public double Number(string name, double minimum)
        {
            var text = cells[columns.IndexOf(name)];
            if (text.Length == 0)
            {
                throw Error(name, "empty");
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw Error(name, $"'{text}' is not a number");
            }

            if (value < minimum)
            {
                throw Error(name, $"{text} is below {minimum.ToString(CultureInfo.InvariantCulture)}");
            }

            return value;
        }

        public long Integer(string name, long minimum = long.MinValue, long maximum = long.MaxValue)
        {
            var text = cells[columns.IndexOf(name)];
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw Error(name, text.Length == 0 ? "empty" : $"'{text}' is not a whole number");
            }

            if (value < minimum || value > maximum)
            {
                throw Error(name, $"{text} is out of range [{minimum.ToString(CultureInfo.InvariantCulture)}, {maximum.ToString(CultureInfo.InvariantCulture)}]");
            }

            return value;
        }
    }
}
