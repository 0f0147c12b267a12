using System.Globalization;

namespace Augur.Service.Executors.Slurm;

/// <summary>
/// What an sbatch call means for the job: <see cref="SbatchResult.Submitted"/> (with Slurm's job id),
/// <see cref="SbatchResult.Rejected"/> (Slurm refused it: the job fails with Slurm's words), or
/// <see cref="SbatchResult.Uncertain"/> (slurmctld did not answer, or the answer was lost: the job may or may not
/// exist, so it is looked up by name before it is submitted again).
/// </summary>
public sealed record SbatchOutcome(SbatchResult Result, long? SlurmJobId, string Message)
{
    // Errors of the connection to slurmctld, not of the job: retry (after a look-up) rather than fail the job.
    private static readonly string[] Transient =
    [
        "Unable to contact slurm controller",
        "Socket timed out",
        "temporarily unable to accept job",
        "Zero Bytes were transmitted or received",
        "Communication connection failure",
        "Connection refused",
        "Resource temporarily unavailable",
        "Slurm backup controller in standby mode",
        "Protocol authentication error",
    ];

    public static SbatchOutcome Classify(SlurmCommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.TimedOut)
        {
            return new SbatchOutcome(SbatchResult.Uncertain, null, result.Describe());
        }

        if (result.ExitCode == 0)
        {
            // --parsable prints "ID" or "ID;CLUSTER".
            var text = result.Output.Trim().Split(';')[0];
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? new SbatchOutcome(SbatchResult.Submitted, id, text)
                : new SbatchOutcome(SbatchResult.Uncertain, null, $"sbatch succeeded but printed '{SlurmKeyValues.Shorten(result.Output.Trim())}', not a job id");
        }

        foreach (var fragment in Transient)
        {
            if (result.Error.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return new SbatchOutcome(SbatchResult.Uncertain, null, result.Describe());
            }
        }

        return new SbatchOutcome(SbatchResult.Rejected, null, Rejection(result));
    }

    /// <summary>Slurm's reason without the "sbatch: error: " prefixes, e.g. "Batch job submission failed: Invalid node name specified".</summary>
    private static string Rejection(SlurmCommandResult result)
    {
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.StartsWith("sbatch: error: ", StringComparison.Ordinal) ? line["sbatch: error: ".Length..] : line)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return lines.Count == 0
            ? $"Slurm refused the job: sbatch exited with {result.ExitCode} and said nothing"
            : $"Slurm refused the job: {string.Join("; ", lines)}";
    }
}
