using Augur.Core.Clusters;

namespace Augur.Core.Resources;

/// <summary>
/// What is free in a GPU cluster now: each GPU's free share (thousandths), each node's whole free GPUs, CPU
/// and memory. GPUs are numbered globally, node by node (node 0's GPUs first). Placement policies and GPU
/// policies read it; only a driver changes it (internal mutators), after <see cref="Check"/> has accepted the
/// placement. CPU and memory of a job
/// spread over several nodes are charged to each node in proportion to the GPUs it hosts, rounded up.
/// </summary>
public sealed class GpuClusterState
{
    private readonly int[] firstGpu;
    private readonly int[] nodeOfGpu;
    private readonly int[] freeMilli;
    private readonly int[] freeWhole;
    private readonly long[] freeCpu;
    private readonly long[] freeMemory;
    private readonly string[] models;

    // Scratch for checking a placement without allocating: GPUs per node, the nodes touched, GPUs seen.
    private readonly int[] countOnNode;
    private readonly int[] touched;
    private readonly int[] seenStamp;
    private readonly int[] nodeStamp;
    private int stamp;

    public GpuClusterState(GpuClusterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        var nodes = spec.Nodes.Count;
        firstGpu = new int[nodes + 1];
        freeWhole = new int[nodes];
        freeCpu = new long[nodes];
        freeMemory = new long[nodes];
        models = new string[nodes];
        countOnNode = new int[nodes];
        touched = new int[nodes];
        nodeStamp = new int[nodes];
        for (var node = 0; node < nodes; node++)
        {
            var nodeSpec = spec.Nodes[node];
            firstGpu[node + 1] = firstGpu[node] + nodeSpec.Gpus;
            freeWhole[node] = nodeSpec.Gpus;
            freeCpu[node] = nodeSpec.CpuMilli;
            freeMemory[node] = nodeSpec.MemoryMebibytes;
            models[node] = nodeSpec.GpuModel;
        }

        nodeOfGpu = new int[spec.TotalGpus];
        freeMilli = new int[spec.TotalGpus];
        seenStamp = new int[spec.TotalGpus];
        for (var node = 0; node < nodes; node++)
        {
            for (var gpu = firstGpu[node]; gpu < firstGpu[node + 1]; gpu++)
            {
                nodeOfGpu[gpu] = node;
                freeMilli[gpu] = GpuRequest.WholeGpuMilli;
            }
        }

        IdleGpus = spec.TotalGpus;
    }

    public GpuClusterSpec Spec { get; }

    public int NodeCount => freeWhole.Length;

    public int GpuCount => freeMilli.Length;

    /// <summary>GPUs no job holds any share of.</summary>
    public int IdleGpus { get; private set; }

    /// <summary>Thousandths of a GPU held by jobs, over the whole cluster.</summary>
    public long AllocatedMilli { get; private set; }

    public int FirstGpuOf(int node) => firstGpu[node];

    public int GpusOn(int node) => firstGpu[node + 1] - firstGpu[node];

    public int NodeOf(int gpu) => nodeOfGpu[gpu];

    public int FreeMilli(int gpu) => freeMilli[gpu];

    /// <summary>The free share (thousandths) of each GPU of <paramref name="node"/>, in GPU order.</summary>
    public ReadOnlySpan<int> FreeMilliOn(int node) => freeMilli.AsSpan(firstGpu[node], firstGpu[node + 1] - firstGpu[node]);

    /// <summary>GPUs of <paramref name="node"/> that no job holds any share of.</summary>
    public int FreeWholeGpus(int node) => freeWhole[node];

    public long FreeCpuMilli(int node) => freeCpu[node];

    public long FreeMemoryMebibytes(int node) => freeMemory[node];

    /// <summary>The model of <paramref name="node"/>'s GPUs; empty for a node without GPUs that names none.</summary>
    public string ModelOf(int node) => models[node];

    /// <summary>
    /// True when <paramref name="node"/>'s GPUs are of one of the models accepted (any model when null). A node
    /// without GPUs matches no set of models; it holds no GPU for any placement to take anyway.
    /// </summary>
    public bool ModelMatches(int node, GpuModelSet? accepted) => accepted is null || accepted.Accepts(Spec, Spec.ModelIdOfNode(node));

    /// <summary>The part of a job's CPU or memory a node hosting <paramref name="gpusOnNode"/> of its <paramref name="gpus"/> GPUs carries.</summary>
    public static long ShareOf(long amount, int gpusOnNode, int gpus) =>
        gpus == 0 ? amount : (long)(((Int128)amount * gpusOnNode + gpus - 1) / gpus);

    /// <summary>True when <paramref name="node"/> has the CPU and memory for hosting <paramref name="gpusOnNode"/> of the job's GPUs.</summary>
    public bool HasHostResources(int node, in GpuRequest request, int gpusOnNode) =>
        ShareOf(request.CpuMilli, gpusOnNode, request.Gpus) <= freeCpu[node]
        && ShareOf(request.MemoryMebibytes, gpusOnNode, request.Gpus) <= freeMemory[node];

    /// <summary>Why <paramref name="allocation"/> cannot hold <paramref name="request"/> now, or null when it can.</summary>
    public string? Check(in GpuRequest request, GpuAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        if (request.Gpus == 0)
        {
            if (allocation.Count != 0 || allocation.Node < 0 || allocation.Node >= NodeCount)
            {
                return "a job without GPUs needs exactly one node and no GPU";
            }

            return HasHostResources(allocation.Node, request, 0) ? null : $"node {allocation.Node} lacks the CPU or memory";
        }

        if (allocation.Count != request.Gpus)
        {
            return $"{allocation.Count} GPUs placed for a request of {request.Gpus}";
        }

        var nodes = Tally(allocation.Gpus, out var problem);
        if (problem is not null)
        {
            return problem;
        }

        foreach (var gpu in allocation.Gpus)
        {
            if (freeMilli[gpu] < request.GpuMilli)
            {
                return $"GPU {gpu} has {freeMilli[gpu]} milli free, {request.GpuMilli} asked";
            }
        }

        for (var i = 0; i < nodes; i++)
        {
            var node = touched[i];
            if (!ModelMatches(node, request.Models))
            {
                return $"node {node} has {models[node]} GPUs, {request.Models} asked";
            }

            if (!HasHostResources(node, request, countOnNode[node]))
            {
                return $"node {node} lacks the CPU or memory";
            }
        }

        return null;
    }

    /// <summary>How many nodes <paramref name="gpus"/> span (1 for a job without GPUs).</summary>
    public int NodesSpanned(ReadOnlySpan<int> gpus) => gpus.IsEmpty ? 1 : Tally(gpus, out _);

    /// <summary>Takes the resources of a placement <see cref="Check"/> accepted (drivers and trial states only).</summary>
    internal void Apply(in GpuRequest request, ReadOnlySpan<int> gpus, int node) => Change(request, gpus, node, -1);

    /// <summary>Gives back what <see cref="Apply"/> took.</summary>
    internal void Release(in GpuRequest request, ReadOnlySpan<int> gpus, int node) => Change(request, gpus, node, +1);

    /// <summary>Makes this state (of the same cluster) hold what <paramref name="source"/> holds: a trial copy to plan on.</summary>
    internal void CopyFrom(GpuClusterState source)
    {
        if (!ReferenceEquals(source.Spec, Spec))
        {
            throw new ArgumentException("A trial state copies a state of the same cluster.", nameof(source));
        }

        source.freeMilli.CopyTo(freeMilli, 0);
        source.freeWhole.CopyTo(freeWhole, 0);
        source.freeCpu.CopyTo(freeCpu, 0);
        source.freeMemory.CopyTo(freeMemory, 0);
        IdleGpus = source.IdleGpus;
        AllocatedMilli = source.AllocatedMilli;
    }

    private void Change(in GpuRequest request, ReadOnlySpan<int> gpus, int node, int sign)
    {
        if (gpus.IsEmpty)
        {
            freeCpu[node] += sign * request.CpuMilli;
            freeMemory[node] += sign * request.MemoryMebibytes;
            return;
        }

        var nodes = Tally(gpus, out _);
        for (var i = 0; i < nodes; i++)
        {
            var host = touched[i];
            freeCpu[host] += sign * ShareOf(request.CpuMilli, countOnNode[host], request.Gpus);
            freeMemory[host] += sign * ShareOf(request.MemoryMebibytes, countOnNode[host], request.Gpus);
        }

        foreach (var gpu in gpus)
        {
            var wasIdle = freeMilli[gpu] == GpuRequest.WholeGpuMilli;
            freeMilli[gpu] += sign * request.GpuMilli;
            var isIdle = freeMilli[gpu] == GpuRequest.WholeGpuMilli;
            if (wasIdle != isIdle)
            {
                var change = isIdle ? 1 : -1;
                freeWhole[nodeOfGpu[gpu]] += change;
                IdleGpus += change;
            }
        }

        AllocatedMilli -= sign * request.TotalGpuMilli;
    }

    /// <summary>Counts GPUs per node into the scratch arrays; returns the number of nodes touched.</summary>
    private int Tally(ReadOnlySpan<int> gpus, out string? problem)
    {
        problem = null;
        stamp++;
        var nodes = 0;
        foreach (var gpu in gpus)
        {
            if ((uint)gpu >= (uint)freeMilli.Length)
            {
                problem = $"GPU {gpu} does not exist";
                return nodes;
            }

            if (seenStamp[gpu] == stamp)
            {
                problem = $"GPU {gpu} placed twice";
                return nodes;
            }

            seenStamp[gpu] = stamp;
            var node = nodeOfGpu[gpu];
            if (nodeStamp[node] != stamp)
            {
                nodeStamp[node] = stamp;
                countOnNode[node] = 0;
                touched[nodes++] = node;
            }

            countOnNode[node]++;
        }

        return nodes;
    }
}
