using Augur.Traces.Cloud;
using Augur.Traces.Gpu;

namespace Augur.Cli.Running;

/// <summary>Which GPU reader a trace needs: named with <c>--format</c>, else recognised by its file name.</summary>
public static class GpuTraceFormat
{
    public static readonly string[] Known = [PhillyReader.FormatId, OpenbReader.FormatId];

    /// <summary>The GPU format id for <paramref name="trace"/>, or null when it is not a GPU trace (SWF, synthetic).</summary>
    public static string? Detect(string? trace, string? explicitFormat)
    {
        if (explicitFormat == GaiaReader.FormatId)
        {
            return null;
        }

        if (explicitFormat is not null)
        {
            if (!Known.Contains(explicitFormat, StringComparer.Ordinal))
            {
                throw new CommandLineFailureException(ExitCodes.Usage, $"unknown --format '{explicitFormat}': {string.Join(", ", Known)}, {GaiaReader.FormatId}");
            }

            return explicitFormat;
        }

        if (trace is null)
        {
            return null;
        }

        // The shared traces' names say what they hold; other names need --format.
        var name = Path.GetFileName(trace).ToLowerInvariant();
        if (name.Contains("philly", StringComparison.Ordinal) && name.Contains(".csv", StringComparison.Ordinal))
        {
            return PhillyReader.FormatId;
        }

        return name.Contains("openb", StringComparison.Ordinal) && name.Contains("pods", StringComparison.Ordinal) ? OpenbReader.FormatId : null;
    }
}
