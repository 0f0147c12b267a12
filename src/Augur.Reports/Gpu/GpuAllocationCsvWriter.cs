using Augur.Simulation.Gpu;

namespace Augur.Reports.Gpu;

/// <summary>
/// Writes a GPU run's gpu_allocation.csv: the run from its first decision to its last cut into at most
/// <see cref="Intervals"/> equal intervals, one row each:
/// <c>start,end,allocated_gpus,fragmented_gpus,power_watts,waiting_jobs,preemptions</c> (start and end in seconds;
/// then time-weighted means over the interval: GPUs held, shares in proportion; GPUs free but unusable by the
/// waiting jobs; the GPUs' power in watts; jobs waiting, preempted ones included; and the preemptions in it).
/// </summary>
public static class GpuAllocationCsvWriter
{
    public const string Header = "start,end,allocated_gpus,fragmented_gpus,power_watts,waiting_jobs,preemptions";

    public const int Intervals = 1000;

    public static void Write(TextWriter writer, GpuTimeline timeline, int intervals = Intervals)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(timeline);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var row in timeline.Series(intervals))
        {
            writer.Write(Formatting.Seconds(row.Start));
            writer.Write(',');
            writer.Write(Formatting.Seconds(row.End));
            writer.Write(',');
            writer.Write(Formatting.Number(row.AllocatedGpus));
            writer.Write(',');
            writer.Write(Formatting.Number(row.FragmentedGpus));
            writer.Write(',');
            writer.Write(Formatting.Number(row.Watts));
            writer.Write(',');
            writer.Write(Formatting.Number(row.WaitingJobs));
            writer.Write(',');
            writer.Write(row.Preemptions.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }
}
