namespace Augur.Cli.Running;

/// <summary>
/// One simulation to run: a loaded trace, a policy (and queue order), the predictor and corrector to plan
/// with (none: requested times), and where to write.
/// </summary>
public sealed record RunRequest(LoadedTrace Trace, string PolicyId, string? OrderId, string OutputDirectory, bool Quiet)
{
    public string? PredictorId { get; init; }

    public string? CorrectorId { get; init; }
}
