namespace Augur.Traces.Gpu;

/// <summary>How to read a GPU trace (Philly, Alibaba openb): strict by default, like SWF.</summary>
public sealed record GpuReadOptions
{
    public static GpuReadOptions Strict { get; } = new();

    /// <summary>Skip bad records and count them by reason instead of stopping at the first.</summary>
    public bool Lenient { get; init; }
}
