using System.Globalization;
using Augur.Testing;
using Augur.Traces.Swf;

namespace Augur.IntegrationTests.Validation;

/// <summary>pyss's schedules and summary metrics for the filtered traces (../shared/traces/reference/pyss).</summary>
internal static class PyssReference
{
    public static string Directory => Path.Combine(RepositoryPaths.SharedTraces, "reference", "pyss");

    public static string FilteredTrace(string trace) => Path.Combine(RepositoryPaths.SharedTraces, "hpc", $"{trace}.filtered.swf.gz");

    /// <summary>pyss's simulated wait per job id (field 3 of its output schedule).</summary>
    public static Dictionary<long, long> Waits(string trace, string run)
    {
        var schedule = SwfReader.Read(Path.Combine(Directory, $"{trace}.{run}.swf.gz"));
        return schedule.Records.ToDictionary(record => record.JobNumber, record => record.WaitTime);
    }

    /// <summary>
    /// pyss's EASY++ record of each job (by id): its wait, its first prediction (field 18) and how many
    /// times it outlived its prediction (field 17 holds that count minus one, and -1 for none).
    /// </summary>
    public static Dictionary<long, (long Wait, long Prediction, int Corrections)> PredictedRuns(string trace, string run)
    {
        var schedule = SwfReader.Read(Path.Combine(Directory, $"{trace}.{run}.swf.gz"));
        return schedule.Records.ToDictionary(
            record => record.JobNumber,
            record => (record.WaitTime, record.ThinkTime, record.PrecedingJobNumber < 0 ? 0 : (int)record.PrecedingJobNumber + 1));
    }

    /// <summary>pyss's own avgbsld for a run, from metrics.txt (the row whose file name contains <paramref name="runFile"/>).</summary>
    public static double AverageBoundedSlowdown(string trace, string runFile)
    {
        foreach (var line in File.ReadLines(Path.Combine(Directory, "metrics.txt")))
        {
            if (line.StartsWith('#') || !line.StartsWith(trace + " ", StringComparison.Ordinal) || !line.Contains(runFile, StringComparison.Ordinal))
            {
                continue;
            }

            var field = line.Split(' ').Single(part => part.StartsWith("avgbsld=", StringComparison.Ordinal));
            return double.Parse(field["avgbsld=".Length..], CultureInfo.InvariantCulture);
        }

        throw new InvalidOperationException($"no {runFile} row for {trace} in metrics.txt");
    }
}
