namespace Augur.Traces.Swf;

/// <summary>How to read an SWF file.</summary>
public sealed record SwfReadOptions
{
    public static SwfReadOptions Strict { get; } = new();

    /// <summary>Skip bad records and count them by reason instead of stopping at the first.</summary>
    public bool Lenient { get; init; }
}
