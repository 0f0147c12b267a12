namespace Augur.Traces.Slurm;

/// <summary>
/// A job's State column read as the SWF status it maps to (docs/formats/sacct.md): COMPLETED is 1, CANCELLED
/// (also <c>CANCELLED by UID</c>) is 5, the other ends (FAILED, TIMEOUT, NODE_FAIL, OUT_OF_MEMORY, BOOT_FAIL,
/// DEADLINE, PREEMPTED) are 0. States of jobs that have not ended are known but not replayable.
/// </summary>
internal static class SacctState
{
    public const int Completed = 1;
    public const int Failed = 0;
    public const int Cancelled = 5;

    private static readonly Dictionary<string, int> Finished = new(StringComparer.Ordinal)
    {
        ["COMPLETED"] = Completed,
        ["CANCELLED"] = Cancelled,
        ["FAILED"] = Failed,
        ["TIMEOUT"] = Failed,
        ["NODE_FAIL"] = Failed,
        ["OUT_OF_MEMORY"] = Failed,
        ["BOOT_FAIL"] = Failed,
        ["DEADLINE"] = Failed,
        ["PREEMPTED"] = Failed,
    };

    private static readonly HashSet<string> Unfinished = new(StringComparer.Ordinal)
    {
        "PENDING", "RUNNING", "SUSPENDED", "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD", "RESIZING", "REVOKED",
        "SPECIAL_EXIT", "STOPPED", "SIGNALING", "STAGE_OUT", "CONFIGURING", "COMPLETING",
    };

    /// <summary>
    /// Reads <paramref name="token"/>: <paramref name="name"/> is its first word; <paramref name="swfStatus"/>
    /// the SWF status of a finished job, or null for a job that has not ended.
    /// </summary>
    public static FieldFailure Parse(string token, int field, out string name, out int? swfStatus)
    {
        var space = token.IndexOf(' ', StringComparison.Ordinal);
        name = space < 0 ? token : token[..space];
        swfStatus = null;
        if (name.Length == 0)
        {
            return new FieldFailure(field, "missing value", "missing value");
        }

        if (Finished.TryGetValue(name, out var status))
        {
            // Only CANCELLED carries words after it ("CANCELLED by 1000").
            if (space >= 0 && status != Cancelled)
            {
                return new FieldFailure(field, "unknown state", $"unknown state: '{CsvFields.Show(token)}'");
            }

            swfStatus = status;
            return FieldFailure.None;
        }

        return space < 0 && Unfinished.Contains(name)
            ? FieldFailure.None
            : new FieldFailure(field, "unknown state", $"unknown state: '{CsvFields.Show(token)}'");
    }
}
