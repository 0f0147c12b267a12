using System.Globalization;
using Augur.Reports.Gpu;

namespace Augur.Reports.Charts;

/// <summary>
/// GPU time and energy by user (summary.json's <c>users</c>, exact totals over the run): the
/// <see cref="TopUsers"/> users with the most GPU time, most first; each user's share of all users' GPU time as a
/// bar and of all energy charged as a point, so that the two compare on one axis.
/// </summary>
public static class GpuUserChart
{
    public const int TopUsers = 20;

    private const double SecondsPerHour = 3600;

    private const double JoulesPerKilowattHour = 3.6e6;

    /// <summary>The chart, or null when the trace records no users (none, or one without a name): nothing to compare.</summary>
    /// <param name="users">Every user's totals.</param>
    /// <param name="userKind">What a user is in this trace ("virtual cluster" in Philly, "QoS class" in openb), for the title and axis.</param>
    public static Chart? Build(IReadOnlyList<GpuUserUsage> users, string userKind = "user")
    {
        ArgumentNullException.ThrowIfNull(users);
        if (!HasUsers(users))
        {
            return null;
        }

        var gpuTotal = users.Sum(user => user.GpuSeconds);
        var energyTotal = users.Sum(user => user.EnergyJoules);
        var top = users.OrderByDescending(user => user.GpuSeconds).ThenBy(user => user.User, StringComparer.Ordinal).Take(TopUsers).ToList();
        var x = new double[top.Count];
        var gpuShare = new double[top.Count];
        var energyShare = new double[top.Count];
        var details = new string[top.Count];
        for (var i = 0; i < top.Count; i++)
        {
            x[i] = i;
            gpuShare[i] = gpuTotal > 0 ? top[i].GpuSeconds / gpuTotal : 0;
            energyShare[i] = energyTotal > 0 ? top[i].EnergyJoules / energyTotal : 0;
            details[i] = (top[i].GpuSeconds / SecondsPerHour).ToString("N1", CultureInfo.InvariantCulture) + " GPU-h, "
                + (top[i].EnergyJoules / JoulesPerKilowattHour).ToString("N1", CultureInfo.InvariantCulture) + " kWh";
        }

        var names = top.Select(user => user.User.Length == 0 ? "(none)" : user.User).ToList();
        return new Chart(
            "gpu-time-by-user",
            $"GPU time and energy by {userKind} (top {TopUsers})",
            new ChartAxis(userKind) { Categories = names, CategoryDetails = details },
            new ChartAxis("share of all users' total") { Range = (0, 1) },
            x,
            [new ChartSeries("GPU time", gpuShare, SeriesStyle.Bars), new ChartSeries("energy", energyShare, SeriesStyle.Points)])
        {
            Note = $"The top {top.Count} of {users.Count} by GPU time, most first: {(gpuTotal / SecondsPerHour).ToString("N1", CultureInfo.InvariantCulture)} GPU-h and {(energyTotal / JoulesPerKilowattHour).ToString("N1", CultureInfo.InvariantCulture)} kWh in all (summary.json's users: a user is a job's group, here its {userKind}).",
        };
    }

    /// <summary>True when there are users to compare: at least one with a name.</summary>
    public static bool HasUsers(IReadOnlyList<GpuUserUsage> users) => users.Any(user => user.User.Length > 0);
}
