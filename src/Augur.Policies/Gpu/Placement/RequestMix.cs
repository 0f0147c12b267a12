using Augur.Core.Resources;

namespace Augur.Policies.Gpu.Placement;

/// <summary>
/// The mix of GPU requests submitted so far, by class: a class is a GPU demand (GPUs, share of each, models accepted),
/// its weight the number of jobs submitted with it, and its CPU and memory the least any of them asked (a node
/// without that much cannot host any job of the class). Grouping by GPU demand keeps the classes few (openb's
/// 8,152 placed pods make 25 classes, against 150 if CPU and memory were part of the key).
/// </summary>
internal sealed class RequestMix
{
    private readonly Dictionary<(int Gpus, int GpuMilli, GpuModelSet? Models), int> classOf = [];
    private GpuRequest[] classes = new GpuRequest[16];
    private long[] counts = new long[16];

    public int Count { get; private set; }

    /// <summary>Changes whenever a job is added, so that cached evaluations can tell they are stale.</summary>
    public long Version { get; private set; }

    /// <summary>The representative request of class <paramref name="index"/>.</summary>
    public ref readonly GpuRequest Class(int index) => ref classes[index];

    /// <summary>How many jobs of class <paramref name="index"/> were submitted.</summary>
    public long Weight(int index) => counts[index];

    public void Add(in GpuRequest request)
    {
        Version++;
        var key = (request.Gpus, request.GpuMilli, request.Models);
        if (classOf.TryGetValue(key, out var index))
        {
            counts[index]++;
            var known = classes[index];
            if (request.CpuMilli < known.CpuMilli || request.MemoryMebibytes < known.MemoryMebibytes)
            {
                classes[index] = new GpuRequest(
                    known.Gpus, known.GpuMilli, Math.Min(known.CpuMilli, request.CpuMilli), Math.Min(known.MemoryMebibytes, request.MemoryMebibytes), known.Models);
            }

            return;
        }

        if (Count == classes.Length)
        {
            Array.Resize(ref classes, Count * 2);
            Array.Resize(ref counts, Count * 2);
        }

        classOf[key] = Count;
        classes[Count] = request;
        counts[Count] = 1;
        Count++;
    }
}
