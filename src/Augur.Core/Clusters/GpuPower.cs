namespace Augur.Core.Clusters;

/// <summary>
/// The power of one GPU of a model: <see cref="IdleWatts"/> when no job holds it, <see cref="MaxWatts"/> when
/// jobs hold all of it at full load. In between it is linear in the share held: idle + (max - idle) x share.
/// </summary>
public readonly record struct GpuPower
{
    public GpuPower(double idleWatts, double maxWatts)
    {
        if (!double.IsFinite(idleWatts) || idleWatts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(idleWatts), idleWatts, "Idle power must be a finite number of watts of at least 0.");
        }

        if (!double.IsFinite(maxWatts) || maxWatts < idleWatts)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWatts), maxWatts, $"Full-load power must be a finite number of watts of at least the idle power ({idleWatts}).");
        }

        IdleWatts = idleWatts;
        MaxWatts = maxWatts;
    }

    public double IdleWatts { get; }

    public double MaxWatts { get; }
}
