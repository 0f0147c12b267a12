namespace Augur.Core.Identifiers;

/// <summary>
/// A family of components by id, in a fixed listing order. Lookups of unknown ids fail with the closest
/// known ids ("did you mean").
/// </summary>
public sealed class ComponentCatalogue<T>
{
    private readonly List<ComponentEntry<T>> entries = [];
    private readonly Dictionary<string, ComponentEntry<T>> byId = new(StringComparer.Ordinal);

    public ComponentCatalogue(string kind)
    {
        Kind = kind;
    }

    /// <summary>What the catalogue holds, for messages ("policy", "queue order").</summary>
    public string Kind { get; }

    public IReadOnlyList<ComponentEntry<T>> Entries => entries;

    public ComponentCatalogue<T> Add(string id, string summary, Func<T> create)
    {
        if (!ComponentId.TryParse(id, out _))
        {
            throw new ArgumentException($"'{id}' is not a family/name id.", nameof(id));
        }

        var entry = new ComponentEntry<T>(id, summary, create);
        if (!byId.TryAdd(id, entry))
        {
            throw new ArgumentException($"'{id}' is already in the {Kind} catalogue.", nameof(id));
        }

        entries.Add(entry);
        return this;
    }

    public bool Contains(string id) => byId.ContainsKey(id);

    /// <summary>Builds the component with this id, or throws <see cref="UnknownComponentException"/>.</summary>
    public T Create(string id) => Find(id).Create();

    public ComponentEntry<T> Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (byId.TryGetValue(id, out var entry))
        {
            return entry;
        }

        throw new UnknownComponentException(Kind, id, Suggest(id));
    }

    /// <summary>Known ids closest to <paramref name="requested"/> by edit distance (at most three).</summary>
    public IReadOnlyList<string> Suggest(string requested)
    {
        var scored = new List<(int Distance, string Id)>();
        foreach (var entry in entries)
        {
            var distance = Math.Min(
                EditDistance.Between(requested, entry.Id),
                EditDistance.Between(requested, entry.Id[(entry.Id.IndexOf('/', StringComparison.Ordinal) + 1)..]));
            var threshold = Math.Max(2, entry.Id.Length / 3);
            if (distance <= threshold || entry.Id.Contains(requested, StringComparison.Ordinal))
            {
                scored.Add((distance, entry.Id));
            }
        }

        return scored.OrderBy(s => s.Distance).ThenBy(s => s.Id, StringComparer.Ordinal).Take(3).Select(s => s.Id).ToList();
    }
}
