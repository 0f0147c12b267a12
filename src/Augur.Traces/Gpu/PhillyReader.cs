using Augur.Core.Time;

namespace Augur.Traces.Gpu;

/// <summary>
/// <c>trace/philly-pollux</c>: reads <c>philly-pollux.csv.gz</c> (columns timestamp, duration, num_gpus,
/// gpu_time, cluster). Strict by default; see docs/formats/philly-pollux.md for the checks.
/// </summary>
public static class PhillyReader
{
    public const string FormatId = "trace/philly-pollux";

    internal static readonly CsvColumns Columns = new("timestamp", "duration", "num_gpus", "gpu_time", "cluster");

    /// <summary>More GPUs than any cluster Augur models: a larger count is a corrupt field, not a job.</summary>
    private const int MaxGpus = 1_000_000;

    public static GpuTrace<PhillyRecord> Read(string path, GpuReadOptions? options = null) =>
        CsvTraceReader.Read<PhillyRecord>(path, Columns, Parse, options);

    public static GpuTrace<PhillyRecord> Read(Stream stream, string displayName, GpuReadOptions? options = null) =>
        CsvTraceReader.Read<PhillyRecord>(stream, displayName, Columns, Parse, options);

    private static FieldFailure Parse(string[] fields, long line, out PhillyRecord record)
    {
        record = default;
        var failure = CsvFields.Timestamp(fields[0], 1, out var submit);
        if (failure.Failed)
        {
            return failure;
        }

        failure = CsvFields.Seconds(fields[1], 2, out var duration);
        if (failure.Failed)
        {
            return failure;
        }

        failure = CsvFields.WholeNumber(fields[2], 3, 1, MaxGpus, out var gpus);
        if (failure.Failed)
        {
            return failure.Category == "value too small" ? new FieldFailure(3, "no GPUs", "no GPUs: a Philly job holds at least one") : failure;
        }

        failure = CsvFields.Seconds(fields[3], 4, out var gpuTime);
        if (failure.Failed)
        {
            return failure;
        }

        // gpu_time is derived in the source; a mismatch means the columns are shifted or the row is corrupt.
        if ((Int128)gpuTime != (Int128)duration * gpus)
        {
            var expectedSeconds = duration / 1_000_000m * gpus;
            return new FieldFailure(4, "not duration x num_gpus", $"not duration x num_gpus: '{CsvFields.Show(fields[3])}' (expected {expectedSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s)");
        }

        failure = CsvFields.Text(fields[4], 5);
        if (failure.Failed)
        {
            return failure;
        }

        record = new PhillyRecord(line, submit, new Duration(duration), (int)gpus, new Duration(gpuTime), fields[4]);
        return FieldFailure.None;
    }
}
