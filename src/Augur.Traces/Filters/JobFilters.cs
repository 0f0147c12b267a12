using Augur.Core.Identifiers;

namespace Augur.Traces.Filters;

/// <summary>The catalogue of record filters (<c>--filter</c>).</summary>
public static class JobFilters
{
    public static ComponentCatalogue<IJobFilter> Catalogue { get; } = new ComponentCatalogue<IJobFilter>("filter")
        .Add("filter/default", "keep every job that can run; drop (and count) jobs without processors, submit or run time, or wider than the machine", () => new RunnableJobFilter())
        .Add("filter/sc15", "Gaussier et al. SC'15: 0 < procs <= MaxProcs, run > 0, request > 0, request >= run, submit >= 0", () => new Sc15JobFilter());

    /// <summary>Resolves <c>sc15</c> or <c>filter/sc15</c>.</summary>
    public static IJobFilter Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var id = name.Contains('/', StringComparison.Ordinal) ? name : "filter/" + name;
        return Catalogue.Contains(id) ? Catalogue.Create(id) : Catalogue.Create(name);
    }
}
