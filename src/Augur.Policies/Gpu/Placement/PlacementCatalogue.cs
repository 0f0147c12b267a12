using Augur.Core.Identifiers;
using Augur.Core.Resources;

namespace Augur.Policies.Gpu.Placement;

/// <summary>The GPU placement policies by id, in listing order (<c>augur policies</c>); the first is the default.</summary>
public static class PlacementCatalogue
{
    public const string DefaultId = "place/consolidate";

    public static ComponentCatalogue<IGpuPlacement> Catalogue { get; } =
        new ComponentCatalogue<IGpuPlacement>("placement")
            .Add("place/consolidate", "a gang on as few nodes as possible (first node that holds the rest); shares packed on the first GPU that holds them", () => new ConsolidatePlacement())
            .Add("place/best-fit", "a gang on as few nodes as possible, each node the tightest fit; shares on the GPU with the least room that holds them", () => new BestFitPlacement())
            .Add("place/spread", "a gang over as many nodes as possible; shares on the GPU with the most room", () => new SpreadPlacement())
            .Add("place/fragmentation", "fragmentation gradient descent: the node (and GPU) whose choice least raises the expected fragmentation under the mix of requests submitted so far (Weng et al., ATC'23)", () => new FragmentationPlacement());

    /// <summary>Builds placement <paramref name="id"/>, or throws <see cref="UnknownComponentException"/> with suggestions.</summary>
    public static IGpuPlacement Create(string id) => Catalogue.Create(id);
}
