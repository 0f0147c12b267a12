using Augur.Reports.Comparisons;

namespace Augur.Reports.Runs;

/// <summary>
/// Reads a GPU run's jobs.csv (docs/outputs.md, GPU runs) strictly, as <see cref="JobsCsvReader"/> reads a batch
/// run's: columns by header name, quoted text cells as the writer quotes them, every row checked against itself
/// (wait = start − submit, jct = end − submit, run = end − start), and a bad cell stops the read with
/// <c>file:line: field NAME: reason</c>. Nothing is skipped.
/// </summary>
public static class GpuJobsCsvReader
{
    private static readonly string[] Required = ["id", "submit", "start", "end", "wait", "jct", "run", "trace_run", "gpus", "gpu_milli", "group", "energy_joules"];

    public static GpuJobTable Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new RunFolderException($"{path}: missing (is its folder a GPU run folder written by augur simulate?)");
        }

        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static GpuJobTable Read(TextReader reader, string path)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(path);
        var columns = CsvColumns.Read(reader, path, Required);
        var jobs = new List<GpuJobRow>();
        foreach (var row in columns.Rows(reader, path, quoted: true))
        {
            jobs.Add(ParseRow(row));
        }

        return new GpuJobTable(path, jobs);
    }

    private static GpuJobRow ParseRow(CsvRow row)
    {
        var id = row.Text("id");
        if (id.Length == 0)
        {
            throw row.Error("id", "empty");
        }

        var submit = row.Number("submit", minimum: 0);
        var traceRun = row.Number("trace_run", minimum: 0);
        var gpus = (int)row.Integer("gpus", minimum: 0, maximum: int.MaxValue);
        var milli = (int)row.Integer("gpu_milli", minimum: 0, maximum: 1000);
        var energy = row.Number("energy_joules", minimum: 0);
        var group = row.Text("group");
        var job = new GpuJobRow(id, submit, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, traceRun, gpus, milli, group, energy);
        if (row.IsEmpty("start"))
        {
            // A job that never started: every schedule cell must be empty, or the file contradicts itself.
            EmptyUnless(row, "start", "a job that never started has no schedule", "end", "wait", "jct", "run");
            return job;
        }

        var start = row.Number("start", minimum: submit);
        var wait = row.Number("wait", minimum: 0);
        row.Agrees("wait", wait, start - submit, "start - submit");
        if (row.IsEmpty("end"))
        {
            // Preempted and never resumed: it waited, but it has no completion.
            EmptyUnless(row, "end", "a job preempted and never resumed has no completion", "jct", "run");
            return job with { Start = start, Wait = wait };
        }

        var end = row.Number("end", minimum: start);
        var jct = row.Number("jct", minimum: 0);
        var run = row.Number("run", minimum: 0);
        row.Agrees("jct", jct, end - submit, "end - submit");
        row.Agrees("run", run, end - start, "end - start");
        return job with { Start = start, End = end, Wait = wait, Jct = jct, Run = run };
    }

    private static void EmptyUnless(CsvRow row, string emptyField, string reason, params string[] names)
    {
        foreach (var name in names)
        {
            if (!row.IsEmpty(name))
            {
                throw row.Error(name, $"has a value but {emptyField} is empty ({reason})");
            }
        }
    }
}
