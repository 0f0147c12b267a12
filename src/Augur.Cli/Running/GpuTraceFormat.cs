using Augur.Traces.Cloud;
using Augur.Traces.Gpu;
using Augur.Traces.Input;

namespace Augur.Cli.Running;

/// <summary>Which GPU reader a trace needs: named with <c>--format</c>, else recognised by its file name, else by its header line.</summary>
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

        // The shared traces' names and Alibaba's (openb_pod_list_*.csv) say what they hold.
        var name = Path.GetFileName(trace).ToLowerInvariant();
        if (name.Contains("philly", StringComparison.Ordinal) && name.Contains(".csv", StringComparison.Ordinal))
        {
            return PhillyReader.FormatId;
        }

        if (name.Contains("openb", StringComparison.Ordinal) && (name.Contains("pods", StringComparison.Ordinal) || name.Contains("pod_list", StringComparison.Ordinal)))
        {
            return OpenbReader.FormatId;
        }

        // Any other name: the header line decides, so a site's own jobs.csv in a known layout needs no --format.
        return CsvTraceRecogniser.Recognise(trace) switch
        {
            CsvTraceKind.PhillyPollux => PhillyReader.FormatId,
            CsvTraceKind.OpenbPods => OpenbReader.FormatId,
            CsvTraceKind.OpenbNodes => throw new CommandLineFailureException(ExitCodes.Usage, $"{trace} lists GPU nodes (sn,cpu_milli,memory_mib,gpu,model), not jobs: give the pods file as TRACE and this file with --nodes"),
            _ => null,
        };
    }
}
