using Augur.Service.Driver;
using Augur.Service.Executors.Slurm;

namespace Augur.Service.Api;

/// <summary>How <c>augur serve</c> runs (docs/service.md, "Configuration").</summary>
public sealed record ServiceOptions
{
    /// <summary>Holds augur.db (the store, with the tokens) and runs/ID/ (each job's stdout and stderr).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Where Kestrel listens; loopback only unless told otherwise.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:8080";

    public string PolicyId { get; init; } = "backfill/easy";

    public string? OrderId { get; init; }

    public string? PredictorId { get; init; }

    public string? CorrectorId { get; init; }

    public required MachineResources Machine { get; init; }

    /// <summary><c>executor/local</c> or <c>executor/slurm</c> (which needs <see cref="Slurm"/>).</summary>
    public string ExecutorId { get; init; } = "executor/local";

    public SlurmSettings? Slurm { get; init; }

    /// <summary>Between SIGTERM and SIGKILL when a job reaches its wall-time limit or is cancelled.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Larger request bodies are refused with 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 64 * 1024;

    public int Seed { get; init; } = 1;

    public string StorePath => Path.Combine(DataDirectory, "augur.db");

    public string RunsDirectory => Path.Combine(DataDirectory, "runs");
}
