namespace Augur.Reports.Gpu;

/// <summary>What a GPU run's summary says of its inputs and options, beside the schedule itself.</summary>
/// <param name="Trace">The trace as the user named it.</param>
/// <param name="Format">The reader's id (<c>trace/philly-pollux</c>, <c>trace/alibaba-openb</c>).</param>
/// <param name="RecordsRead">Records read from the trace (before any was left out).</param>
/// <param name="Skipped">Bad records lenient reading skipped, by reason.</param>
/// <param name="LeftOut">Good records that did not become jobs, by reason.</param>
/// <param name="Options">The options that shaped the run, as text (load, sizing, slowdown).</param>
public sealed record GpuRunDescription(
    string Trace,
    string Format,
    int RecordsRead,
    IReadOnlyDictionary<string, int> Skipped,
    IReadOnlyDictionary<string, int> LeftOut,
    IReadOnlyDictionary<string, string> Options);
