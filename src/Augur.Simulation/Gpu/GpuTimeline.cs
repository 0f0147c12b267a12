using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Time;

namespace Augur.Simulation.Gpu;

/// <summary>
/// What the cluster looked like over a GPU run, sampled after each decision and constant until the next: the
/// GPUs allocated (shares in proportion), the GPUs fragmented for the waiting jobs, the cluster's power, the jobs
/// waiting (preempted ones waiting to resume included) and the preemptions so far.
/// Fragmented GPUs follow Weng et al. (ATC'23) with the waiting jobs as the workload: the mean, over the jobs
/// waiting, of the free GPU capacity (summed over nodes) each cannot use (<see cref="GpuFragmentation"/>); 0
/// when no job waits. Power is, per GPU, idle + (full load - idle) x the share held (<see cref="GpuPower"/>).
/// Only nodes that changed since the last sample are measured again, and only for the classes of jobs waiting: a
/// class nobody waits in goes stale and is measured afresh on every node when a job of it waits again. Arrays
/// grow, nothing else is allocated.
/// </summary>
public sealed partial class GpuTimeline
{
    private readonly GpuClusterState state;
    private readonly GpuRequest[] classes;
    private readonly int[] classOfJob;
    private readonly long[] fragmentByClassAndNode;
    private readonly long[] fragmentByClass;
    private readonly int[] waitingByClass;
    private readonly bool[] stale;
    private readonly double[] idleWatts;
    private readonly double[] maxWatts;
    private readonly double[] powerOfNode;
    private readonly double[] unheldIdlePowerOfNode;
    private readonly bool[] dirty;
    private readonly int[] dirtyNodes;
    private int dirtyCount;
    private int waiting;
    private double power;
    private double unheldIdlePower;
    private long[] times = new long[256];
    private long[] allocatedMilli = new long[256];
    private double[] fragmentedMilli = new double[256];
    private double[] watts = new double[256];
    private double[] unheldIdleWatts = new double[256];
    private int[] waitingJobs = new int[256];
    private long[] preemptionsSoFar = new long[256];
    private long preemptionCount;

    internal GpuTimeline(GpuClusterState state, GpuWorkload workload, GpuPowerModel power)
    {
        this.state = state;
        var nodes = state.NodeCount;
        var known = new Dictionary<GpuRequest, int>();
        classOfJob = new int[workload.Count];
        for (var i = 0; i < workload.Count; i++)
        {
            var request = workload.Jobs[i].Request.Resources;
            if (!known.TryGetValue(request, out var index))
            {
                index = known.Count;
                known[request] = index;
            }

            classOfJob[i] = index;
        }

        classes = new GpuRequest[known.Count];
        foreach (var (request, index) in known)
        {
            classes[index] = request;
        }

        fragmentByClassAndNode = new long[classes.Length * nodes];
        fragmentByClass = new long[classes.Length];
        waitingByClass = new int[classes.Length];
        stale = new bool[classes.Length];
        Array.Fill(stale, true);
        idleWatts = new double[state.GpuCount];
        maxWatts = new double[state.GpuCount];
        powerOfNode = new double[nodes];
        unheldIdlePowerOfNode = new double[nodes];
        dirty = new bool[nodes];
        dirtyNodes = new int[nodes];
        for (var node = 0; node < nodes; node++)
        {
            var gpuPower = power.For(state.ModelOf(node));
            for (var gpu = state.FirstGpuOf(node); gpu < state.FirstGpuOf(node) + state.GpusOn(node); gpu++)
            {
                idleWatts[gpu] = gpuPower.IdleWatts;
                maxWatts[gpu] = gpuPower.MaxWatts;
            }

            MarkChanged(node);
        }
    }

    /// <summary>Samples taken: one per decision.</summary>
    public int Count { get; private set; }

    /// <summary>The instant of sample <paramref name="index"/> (samples are in time order; several may share an instant, the last counts).</summary>
    public Instant TimeOf(int index) => new(times[index]);

    /// <summary>GPUs held at sample <paramref name="index"/>, in thousandths.</summary>
    public long AllocatedMilliAt(int index) => allocatedMilli[index];

    /// <summary>GPUs (thousandths) free but unusable by the jobs waiting at sample <paramref name="index"/>, averaged over those jobs.</summary>
    public double FragmentedMilliAt(int index) => fragmentedMilli[index];

    /// <summary>The cluster's power in watts at sample <paramref name="index"/>.</summary>
    public double WattsAt(int index) => watts[index];

    /// <summary>The idle watts of the capacity no job held at sample <paramref name="index"/>: power drawn for nobody.</summary>
    public double UnheldIdleWattsAt(int index) => unheldIdleWatts[index];

    /// <summary>Jobs waiting at sample <paramref name="index"/>: submitted and not running, preempted ones included.</summary>
    public int WaitingJobsAt(int index) => waitingJobs[index];

    /// <summary>Preemptions from the start of the run to sample <paramref name="index"/>, its own instant's included.</summary>
    public long PreemptionsBy(int index) => preemptionsSoFar[index];

    /// <summary>The full-load watts of GPU <paramref name="gpu"/>.</summary>
    public double MaxWattsOf(int gpu) => maxWatts[gpu];

    /// <summary>The idle watts of GPU <paramref name="gpu"/>.</summary>
    public double IdleWattsOf(int gpu) => idleWatts[gpu];

    internal void JobWaits(int job)
    {
        waitingByClass[classOfJob[job]]++;
        waiting++;
    }

    /// <summary>A running job was preempted (it also waits again: <see cref="JobWaits"/>).</summary>
    internal void JobPreempted() => preemptionCount++;

    internal void JobLeavesQueue(int job)
    {
        var c = classOfJob[job];
        if (--waitingByClass[c] == 0)
        {
            stale[c] = true;
        }

        waiting--;
    }

    /// <summary>The resources of a placement changed hands: its nodes are measured again at the next sample.</summary>
    internal void PlacementChanged(ReadOnlySpan<int> gpus, int node)
    {
        if (gpus.IsEmpty)
        {
            MarkChanged(node);
        }

        foreach (var gpu in gpus)
        {
            MarkChanged(state.NodeOf(gpu));
        }
    }

    /// <summary>Takes a sample at <paramref name="now"/>, after a decision; a sample at the same instant replaces the one before.</summary>
    internal void Sample(Instant now)
    {
        Refresh();
        var fragmented = 0.0;
        if (waiting > 0)
        {
            var sum = 0.0;
            for (var c = 0; c < classes.Length; c++)
            {
                sum += (double)waitingByClass[c] * fragmentByClass[c];
            }

            fragmented = sum / waiting;
        }

        var index = Count > 0 && times[Count - 1] == now.Microseconds ? Count - 1 : Count;
        if (index == times.Length)
        {
            Array.Resize(ref times, index * 2);
            Array.Resize(ref allocatedMilli, index * 2);
            Array.Resize(ref fragmentedMilli, index * 2);
            Array.Resize(ref watts, index * 2);
            Array.Resize(ref unheldIdleWatts, index * 2);
            Array.Resize(ref waitingJobs, index * 2);
            Array.Resize(ref preemptionsSoFar, index * 2);
        }

        times[index] = now.Microseconds;
        allocatedMilli[index] = state.AllocatedMilli;
        fragmentedMilli[index] = fragmented;
        watts[index] = power;
        unheldIdleWatts[index] = unheldIdlePower;
        waitingJobs[index] = waiting;
        preemptionsSoFar[index] = preemptionCount;
        Count = index + 1;
    }

    private void MarkChanged(int node)
    {
        if (!dirty[node])
        {
            dirty[node] = true;
            dirtyNodes[dirtyCount++] = node;
        }
    }

    /// <summary>Measures the changed nodes again: their fragmentation for every class of job and their power.</summary>
    private void Refresh()
    {
        var nodes = state.NodeCount;
        for (var i = 0; i < dirtyCount; i++)
        {
            var node = dirtyNodes[i];
            dirty[node] = false;
            for (var c = 0; c < classes.Length; c++)
            {
                if (!stale[c])
                {
                    var fragment = GpuFragmentation.FragmentMilli(state, node, classes[c]);
                    ref var slot = ref fragmentByClassAndNode[(c * nodes) + node];
                    fragmentByClass[c] += fragment - slot;
                    slot = fragment;
                }
            }

            var nodePower = 0.0;
            var nodeUnheldIdle = 0.0;
            var first = state.FirstGpuOf(node);
            var shares = state.FreeMilliOn(node);
            for (var g = 0; g < shares.Length; g++)
            {
                var held = (GpuRequest.WholeGpuMilli - shares[g]) / (double)GpuRequest.WholeGpuMilli;
                nodePower += idleWatts[first + g] + ((maxWatts[first + g] - idleWatts[first + g]) * held);
                nodeUnheldIdle += idleWatts[first + g] * (1 - held);
            }

            power += nodePower - powerOfNode[node];
            powerOfNode[node] = nodePower;
            unheldIdlePower += nodeUnheldIdle - unheldIdlePowerOfNode[node];
            unheldIdlePowerOfNode[node] = nodeUnheldIdle;
        }

        dirtyCount = 0;

        // Classes waiting again after nobody waited in them: measured afresh on every node.
        for (var c = 0; c < classes.Length; c++)
        {
            if (stale[c] && waitingByClass[c] > 0)
            {
                var total = 0L;
                for (var node = 0; node < nodes; node++)
                {
                    var fragment = GpuFragmentation.FragmentMilli(state, node, classes[c]);
                    fragmentByClassAndNode[(c * nodes) + node] = fragment;
                    total += fragment;
                }

                fragmentByClass[c] = total;
                stale[c] = false;
            }
        }
    }
}
