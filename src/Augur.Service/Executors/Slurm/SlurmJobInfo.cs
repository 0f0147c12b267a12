namespace Augur.Service.Executors.Slurm;

/// <summary>
/// What Slurm says of one job (from <c>scontrol show job -o</c>, <c>squeue</c> or the jobcomp log). Times are
/// microseconds since the Unix epoch; <see cref="ExitCode"/> and <see cref="Signal"/> are the two halves of
/// Slurm's <c>ExitCode=N:S</c>, null where the source does not say.
/// </summary>
public sealed record SlurmJobInfo(
    long JobId,
    string Name,
    string State,
    string? Reason,
    int? ExitCode,
    int? Signal,
    long? StartMicroseconds,
    long? EndMicroseconds,
    string? NodeList);
