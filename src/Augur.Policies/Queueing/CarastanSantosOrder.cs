namespace Augur.Policies.Queueing;

/// <summary>
/// <c>order/f1</c> ... <c>order/f4</c>: the priority functions that Carastan-Santos and de Camargo learned by
/// simulation ("Obtaining dynamic scheduling policies with simulation and machine learning", SC'17), with r
/// the requested time, n the processors and s the submit time (seconds); lower first. As in RLScheduler's
/// baselines, a non-positive r or s counts as 0.1 inside a logarithm.
/// </summary>
public sealed class CarastanSantosOrder : QueueOrder
{
    private readonly int variant;

    /// <param name="variant">1 to 4: F1 = log10(r)·n + 870·log10(s); F2 = √r·n + 25600·log10(s);
    /// F3 = r·n + 6860000·log10(s); F4 = r·√n + 530000·log10(s).</param>
    public CarastanSantosOrder(int variant)
    {
        if (variant is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(variant), variant, "F1 to F4 exist.");
        }

        this.variant = variant;
    }

    public override string Id => $"order/f{variant}";

    protected override double Score(double requestedSeconds, int processors, double submitSeconds, double waitingSeconds)
    {
        var r = requestedSeconds;
        double n = processors;
        var logS = Math.Log10(submitSeconds > 0 ? submitSeconds : 0.1);
        return variant switch
        {
            1 => (Math.Log10(r > 0 ? r : 0.1) * n) + (870 * logS),
            2 => (Math.Sqrt(r) * n) + (25600 * logS),
            3 => (r * n) + (6860000 * logS),
            _ => (r * Math.Sqrt(n)) + (530000 * logS),
        };
    }
}
