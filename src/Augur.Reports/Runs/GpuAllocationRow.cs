namespace Augur.Reports.Runs;

/// <summary>One interval of a GPU run's gpu_allocation.csv: its bounds in seconds and the time-weighted means over it.</summary>
/// <param name="Start">The interval's start, in seconds from the trace's origin.</param>
/// <param name="End">The interval's end, after its start.</param>
/// <param name="AllocatedGpus">GPUs held (shares in proportion).</param>
/// <param name="FragmentedGpus">GPUs free but unusable by the jobs waiting.</param>
/// <param name="PowerWatts">The GPUs' power.</param>
/// <param name="WaitingJobs">Jobs waiting, preempted ones included; NaN in a file written before the column existed.</param>
/// <param name="Preemptions">Preemptions in the interval; −1 in a file written before the column existed.</param>
public readonly record struct GpuAllocationRow(double Start, double End, double AllocatedGpus, double FragmentedGpus, double PowerWatts, double WaitingJobs = double.NaN, long Preemptions = -1);
