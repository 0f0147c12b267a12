namespace Augur.Cli.Running;

/// <summary>The trace options common to simulate, validate and demo.</summary>
public sealed record TraceSelection
{
    public required string Trace { get; init; }

    /// <summary>The machine's processors; the trace header's MaxProcs when null.</summary>
    public int? Processors { get; init; }

    public string Filter { get; init; } = "default";

    public bool Lenient { get; init; }

    /// <summary>The reader id given with <c>--format</c> (only <c>trace/gaia</c> here); null to go by the file name.</summary>
    public string? Format { get; init; }

    /// <summary>Synthetic traces: how many jobs.</summary>
    public int Jobs { get; init; } = 10_000;

    /// <summary>Synthetic traces: the seed.</summary>
    public int Seed { get; init; } = 1;
}
