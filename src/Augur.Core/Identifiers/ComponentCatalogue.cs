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

    /// <summary>
    /// Known ids closest to <paramref name="requested"/> (at most three, all at the smallest distance found):
    /// close to the whole id, or to its name after the family, within about a third of its length; for a
    /// bare family name, that family's members.
    /// </summary>
    public IReadOnlyList<string> Suggest(string requested)
    {
        ArgumentNullException.ThrowIfNull(requested);

        // Ids are lowercase; a capitalised request is still a near miss, not a stranger.
        requested = requested.ToLowerInvariant();
        var members = entries.Where(e => e.Id.StartsWith(requested + "/", StringComparison.Ordinal)).Select(e => e.Id).Take(3).ToList();
        if (members.Count > 0)
        {
            return members;
        }

        var scored = new List<(int Distance, string Id)>();
        foreach (var entry in entries)
        {
            var name = entry.Id[(entry.Id.IndexOf('/', StringComparison.Ordinal) + 1)..];
            var toId = EditDistance.Between(requested, entry.Id);
            var toName = EditDistance.Between(requested, name);
            if (toId <= Math.Max(2, entry.Id.Length / 3))
            {
                scored.Add((toId, entry.Id));
            }
            else if (toName <= Math.Max(1, name.Length / 3))
            {
                scored.Add((toName, entry.Id));
            }
            else if (requested.Length >= 3 && entry.Id.Contains(requested, StringComparison.Ordinal))
            {
                scored.Add((Math.Min(toId, toName), entry.Id));
            }
        }

        if (scored.Count == 0)
        {
            return [];
        }

        var closest = scored.Min(s => s.Distance);
        return scored.Where(s => s.Distance == closest).Select(s => s.Id).Order(StringComparer.Ordinal).Take(3).ToList();
    }
}
