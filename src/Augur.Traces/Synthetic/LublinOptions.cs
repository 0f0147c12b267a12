using System.Globalization;

namespace Augur.Traces.Synthetic;

/// <summary>What to generate with <see cref="LublinFeitelsonGenerator"/>: how many jobs, for how large a machine, from which seed.</summary>
public sealed record LublinOptions
{
    public const int MaximumJobs = 10_000_000;

    public const int MaximumProcessors = 1_000_000;

    public int Jobs { get; init; } = 10_000;

    /// <summary>The machine size; job sizes never exceed it.</summary>
    public int Processors { get; init; } = 256;

    /// <summary>The same seed gives the same trace, byte for byte, on every machine.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (Jobs is < 1 or > MaximumJobs)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Jobs), Jobs, string.Create(CultureInfo.InvariantCulture, $"The number of jobs must be between 1 and {MaximumJobs:N0}; got {Jobs}."));
        }

        if (Processors is < 1 or > MaximumProcessors)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Processors), Processors, string.Create(CultureInfo.InvariantCulture, $"The number of processors must be between 1 and {MaximumProcessors:N0}; got {Processors}."));
        }
    }
}
