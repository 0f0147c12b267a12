using Augur.Core.Identifiers;
using Augur.Traces.Cloud;
using Augur.Traces.Filters;
using Augur.Traces.Gpu;
using Augur.Traces.Input;
using Augur.Traces.Swf;
using Augur.Traces.Synthetic;

namespace Augur.Cli.Running;

/// <summary>
/// Resolves a TRACE argument: an SWF file (.swf or .swf.gz), a GAIA CPU job list (<c>gaia-*.csv[.gz]</c> or
/// <c>--format trace/gaia</c>, turned into SWF records) or a synthetic source such as <c>synthetic:lublin</c>.
/// </summary>
public static class TraceLoader
{
    public const string SyntheticPrefix = "synthetic:";

    private static readonly string[] SyntheticSources = ["synthetic:lublin"];

    public static LoadedTrace Load(TraceSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var filter = JobFilters.Create(selection.Filter);
        var isGaia = IsGaia(selection);
        var swf = isGaia ? GaiaToSwf.Convert(GaiaReader.Read(selection.Trace, new GpuReadOptions { Lenient = selection.Lenient })) : ReadOrGenerate(selection);
        var processors = selection.Processors ?? swf.Header.MachineProcessors
            ?? throw new CommandLineFailureException(ExitCodes.BadInput, $"{selection.Trace}: the header gives no MaxProcs or MaxNodes; pass --procs N");
        var name = NameOf(selection.Trace);
        var workload = SwfWorkload.Build(swf, filter, processors, name);
        if (workload.Workload.Count == 0)
        {
            throw new CommandLineFailureException(ExitCodes.BadInput, $"{selection.Trace}: the filter {filter.Id} left no job to run ({workload.Dropped.Total} dropped)");
        }

        return new LoadedTrace(name, swf, workload, processors, filter.Id, selection) { IsGaia = isGaia };
    }

    /// <summary>A short name for run folders: the file name without .swf/.gz, or the synthetic source's name.</summary>
    public static string NameOf(string trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.StartsWith(SyntheticPrefix, StringComparison.Ordinal))
        {
            return trace.Replace(':', '-');
        }

        var name = Path.GetFileName(trace);
        foreach (var suffix in new[] { ".gz", ".swf", ".csv" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }

        return name;
    }

    /// <summary>A GAIA job list: named with <c>--format trace/gaia</c>, a <c>gaia-*.csv[.gz]</c> file, or a file whose first line is GAIA's header.</summary>
    public static bool IsGaia(TraceSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.Format is not null || selection.Trace.StartsWith(SyntheticPrefix, StringComparison.Ordinal))
        {
            return selection.Format == GaiaReader.FormatId;
        }

        return GaiaReader.IsGaiaName(selection.Trace) || CsvTraceRecogniser.Recognise(selection.Trace) == CsvTraceKind.Gaia;
    }

    private static SwfTrace ReadOrGenerate(TraceSelection selection)
    {
        if (!selection.Trace.StartsWith(SyntheticPrefix, StringComparison.Ordinal))
        {
            return SwfReader.Read(selection.Trace, new SwfReadOptions { Lenient = selection.Lenient });
        }

        if (selection.Trace != LublinFeitelsonGenerator.TraceName)
        {
            var suggestions = SyntheticSources.Where(s => EditDistance.Between(s, selection.Trace) <= 4).ToList();
            throw new UnknownComponentException("synthetic trace", selection.Trace, suggestions);
        }

        var options = new LublinOptions { Jobs = selection.Jobs, Processors = selection.Processors ?? 256, Seed = selection.Seed };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw CommandLineFailureException.Usage(exception);
        }

        return LublinFeitelsonGenerator.Generate(options);
    }
}
