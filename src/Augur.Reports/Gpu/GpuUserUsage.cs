namespace Augur.Reports.Gpu;

/// <summary>One user's share of a GPU run, from summary.json's <c>users</c>.</summary>
/// <param name="User">The user: a job's group (Philly's virtual cluster, openb's QoS class).</param>
/// <param name="GpuSeconds">GPU-seconds its jobs held (shares in proportion).</param>
/// <param name="EnergyJoules">Joules its jobs were charged.</param>
public readonly record struct GpuUserUsage(string User, double GpuSeconds, double EnergyJoules);
