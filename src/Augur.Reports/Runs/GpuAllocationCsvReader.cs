using System.Globalization;
using Augur.Reports.Comparisons;

namespace Augur.Reports.Runs;

/// <summary>
/// Reads a GPU run's gpu_allocation.csv (docs/outputs.md, GPU runs) strictly: columns by header name, every
/// interval after the one before it (start at or after the previous end) and longer than nothing, no negative
/// mean; a bad cell stops the read with <c>file:line: field NAME: reason</c>. <c>waiting_jobs</c> and
/// <c>preemptions</c> are optional, so that a file written before they existed still reads.
/// </summary>
public static class GpuAllocationCsvReader
{
    public const string FileName = "gpu_allocation.csv";

    private static readonly string[] Required = ["start", "end", "allocated_gpus", "fragmented_gpus", "power_watts"];

    public static IReadOnlyList<GpuAllocationRow> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new RunFolderException($"{path}: missing (is its folder a GPU run folder written by augur simulate?)");
        }

        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static IReadOnlyList<GpuAllocationRow> Read(TextReader reader, string path)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(path);
        var columns = CsvColumns.Read(reader, path, Required);
        var rows = new List<GpuAllocationRow>();
        var previousEnd = double.NegativeInfinity;
        foreach (var row in columns.Rows(reader, path))
        {
            var start = row.Number("start", minimum: 0);
            if (start < previousEnd)
            {
                throw row.Error("start", $"{start.ToString(CultureInfo.InvariantCulture)} is before the previous interval's end ({previousEnd.ToString(CultureInfo.InvariantCulture)})");
            }

            var end = row.Number("end", minimum: start);
            if (end == start)
            {
                throw row.Error("end", "the interval is empty (end = start)");
            }

            var waiting = row.Has("waiting_jobs") ? row.Number("waiting_jobs", minimum: 0) : double.NaN;
            var preemptions = row.Has("preemptions") ? row.Integer("preemptions", minimum: 0) : -1;
            rows.Add(new GpuAllocationRow(start, end, row.Number("allocated_gpus", minimum: 0), row.Number("fragmented_gpus", minimum: 0), row.Number("power_watts", minimum: 0), waiting, preemptions));
            previousEnd = end;
        }

        return rows;
    }
}
