using Augur.Core.Clusters;

namespace Augur.Core.Resources;

/// <summary>
/// The GPU models a job accepts: it may run on a node of any of them (openb's <c>gpu_spec</c>, e.g.
/// <c>V100M16|V100M32</c>). Two sets are equal when they hold the same models, whatever their order. Placement
/// compares by the small integer ids a <see cref="GpuClusterSpec"/> gives its models: the set keeps, per cluster,
/// an array telling which ids it accepts, built once, so the hot paths neither hash nor compare strings.
/// </summary>
public sealed class GpuModelSet : IEquatable<GpuModelSet>
{
    private const int ClustersKept = 4;

    private readonly string[] models;
    private readonly string[] sorted;
    private Acceptance[] acceptance = [];

    private GpuModelSet(string[] models)
    {
        this.models = models;
        sorted = [.. models];
        Array.Sort(sorted, StringComparer.Ordinal);
    }

    /// <summary>The models, in the order given.</summary>
    public IReadOnlyList<string> Models => models;

    /// <summary>The set of <paramref name="models"/>: at least one, each non-empty without blanks around it, none twice.</summary>
    public static GpuModelSet Of(params ReadOnlySpan<string> models)
    {
        if (models.IsEmpty)
        {
            throw new ArgumentException("A set of GPU models holds at least one model; no set means any model.", nameof(models));
        }

        var copy = models.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            ArgumentException.ThrowIfNullOrEmpty(copy[i], nameof(models));
            if (copy[i].Trim().Length != copy[i].Length)
            {
                throw new ArgumentException($"GPU model '{copy[i]}' has blanks around it.", nameof(models));
            }

            if (Array.IndexOf(copy, copy[i], 0, i) >= 0)
            {
                throw new ArgumentException($"GPU model '{copy[i]}' is given twice.", nameof(models));
            }
        }

        return new GpuModelSet(copy);
    }

    public bool Contains(string model) => Array.IndexOf(models, model) >= 0;

    /// <summary>Whether a node of model id <paramref name="modelId"/> of <paramref name="cluster"/> is acceptable (ids below 0, nodes without GPUs, never are).</summary>
    public bool Accepts(GpuClusterSpec cluster, int modelId)
    {
        if (modelId < 0)
        {
            return false;
        }

        // Read once: another thread may replace the cache array, never change one in place. A few clusters are
        // kept, so that runs of one workload on several clusters at once do not rebuild the ids on every call.
        var cache = acceptance;
        Acceptance? known = null;
        foreach (var entry in cache)
        {
            if (ReferenceEquals(entry.Cluster, cluster))
            {
                known = entry;
                break;
            }
        }

        if (known is null)
        {
            known = new Acceptance(cluster, AcceptedIds(cluster));
            acceptance = [known, .. cache.AsSpan(0, Math.Min(cache.Length, ClustersKept - 1))];
        }

        return known.Accepted[modelId];
    }

    /// <summary>The models of this set <paramref name="cluster"/> has no node of.</summary>
    public IReadOnlyList<string> MissingFrom(GpuClusterSpec cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return [.. models.Where(m => cluster.ModelIdOf(m) < 0)];
    }

    public bool Equals(GpuModelSet? other) =>
        other is not null && (ReferenceEquals(this, other) || sorted.AsSpan().SequenceEqual(other.sorted));

    public override bool Equals(object? obj) => Equals(obj as GpuModelSet);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var model in sorted)
        {
            hash.Add(model, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The models joined by <c>|</c>, as openb writes them.</summary>
    public override string ToString() => string.Join('|', models);

    private bool[] AcceptedIds(GpuClusterSpec cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var accepted = new bool[cluster.Models.Count];
        foreach (var model in models)
        {
            var id = cluster.ModelIdOf(model);
            if (id >= 0)
            {
                accepted[id] = true;
            }
        }

        return accepted;
    }

    private sealed record Acceptance(GpuClusterSpec Cluster, bool[] Accepted);
}
