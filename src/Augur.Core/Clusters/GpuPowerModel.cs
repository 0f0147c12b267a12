namespace Augur.Core.Clusters;

/// <summary>
/// Idle and full-load watts per GPU model (docs/gpu.md, "Energy"). Full load is the vendor's thermal design
/// power (TDP) where the model is known; idle is a modelling choice, a fifth of it, since datasheets give no
/// idle figure. Openb's anonymised models G2 and G3 and the generic model of clusters built from a GPU count
/// get 250 W, an assumption: the TDP of the P100 (PCIe) and P40, data-centre GPUs of the Philly trace's era.
/// </summary>
public sealed class GpuPowerModel
{
    /// <summary>Idle power as a fraction of full load for the defaults: 0.2, a modelling choice.</summary>
    public const double DefaultIdleFraction = 0.2;

    /// <summary>Full-load watts of the models without a vendor figure (anonymised, or generic).</summary>
    public const double FallbackMaxWatts = 250;

    private static readonly Dictionary<string, double> VendorTdpWatts = new(StringComparer.Ordinal)
    {
        // NVIDIA datasheets: Tesla V100 SXM2 (16 and 32 GB) 300 W; Tesla P100 PCIe 250 W; T4 70 W; A10 150 W.
        ["V100M16"] = 300,
        ["V100M32"] = 300,
        ["P100"] = 250,
        ["T4"] = 70,
        ["A10"] = 150,
    };

    private readonly Dictionary<string, GpuPower> overrides;

    public GpuPowerModel(IReadOnlyDictionary<string, GpuPower>? overrides = null)
    {
        this.overrides = overrides is null ? new(StringComparer.Ordinal) : new(overrides, StringComparer.Ordinal);
    }

    public static GpuPowerModel Default { get; } = new();

    /// <summary>The models with a vendor TDP default, in name order.</summary>
    public static IReadOnlyList<string> KnownModels { get; } = [.. VendorTdpWatts.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The models whose power was set explicitly.</summary>
    public IReadOnlyDictionary<string, GpuPower> Overrides => overrides;

    /// <summary>The power of a GPU of <paramref name="model"/>: an override, else the vendor TDP default, else the fallback.</summary>
    public GpuPower For(string model) =>
        overrides.TryGetValue(model, out var power) ? power : DefaultFor(model);

    /// <summary>True when <paramref name="model"/> has a vendor TDP behind its default.</summary>
    public static bool HasVendorFigure(string model) => VendorTdpWatts.ContainsKey(model);

    private static GpuPower DefaultFor(string model)
    {
        var max = VendorTdpWatts.GetValueOrDefault(model, FallbackMaxWatts);
        return new GpuPower(max * DefaultIdleFraction, max);
    }
}
