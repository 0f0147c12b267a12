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
        var columns = CsvColumns.Read(reader, path, Required);
        var jobs = new List<JobRow>();
        foreach (var row in columns.Rows(reader, path))
        {
            jobs.Add(ParseRow(row));
        }

        return new JobTable(path, jobs, columns.IndexOf("user") >= 0, columns.IndexOf("predicted") >= 0);
    }

    private static JobRow ParseRow(CsvRow row)
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
        row.Agrees("wait", wait, start - submit, "start - submit");
        row.Agrees("run", run, end - start, "end - start");

        return new JobRow(id, submit, start, end, wait, run, processors, boundedSlowdown, user, predicted);
    }
}
