using System.Globalization;
using Augur.Core.Clusters;

namespace Augur.Cli.Running;

/// <summary>Reads <c>--power MODEL=IDLE:MAX</c> (watts per GPU of a model; repeatable), refusing bad values with exit code 2.</summary>
public static class GpuPowerOption
{
    public static GpuPowerModel Parse(IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            return GpuPowerModel.Default;
        }

        var overrides = new Dictionary<string, GpuPower>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var colon = value.IndexOf(':', equals + 1);
            if (equals <= 0 || colon < 0)
            {
                throw Usage(value, "expected MODEL=IDLE:MAX, watts per GPU, e.g. V100M32=60:300");
            }

            var model = value[..equals];
            var idle = Watts(value, value[(equals + 1)..colon], "idle");
            var max = Watts(value, value[(colon + 1)..], "full-load");
            if (max < idle)
            {
                throw Usage(value, $"full-load power {max.ToString(CultureInfo.InvariantCulture)} W is below idle power {idle.ToString(CultureInfo.InvariantCulture)} W");
            }

            if (!overrides.TryAdd(model, new GpuPower(idle, max)))
            {
                throw Usage(value, $"model {model} is given twice");
            }
        }

        return new GpuPowerModel(overrides);
    }

    private static double Watts(string value, string text, string what)
    {
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var watts) && double.IsFinite(watts))
        {
            return watts;
        }

        throw Usage(value, $"{what} power must be a number of watts of at least 0, not '{text}'");
    }

    private static CommandLineFailureException Usage(string value, string reason) =>
        new(ExitCodes.Usage, $"--power '{value}': {reason}");
}
