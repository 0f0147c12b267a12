using Augur.Traces.Swf;

namespace Augur.Traces.Filters;

/// <summary>
/// Decides which trace records become jobs of a run. A rejected record is counted by the filter's reason
/// in the run's summary; nothing is dropped silently.
/// </summary>
public interface IJobFilter
{
    /// <summary>The filter's id (<c>filter/default</c>, <c>filter/sc15</c>).</summary>
    string Id { get; }

    /// <summary>Returns why <paramref name="record"/> is left out, or null to keep it.</summary>
    /// <param name="record">The record.</param>
    /// <param name="processors">The processors the job would take (see <see cref="SwfWorkload"/>).</param>
    /// <param name="machineProcessors">The machine's size.</param>
    string? Reject(in SwfRecord record, long processors, int machineProcessors);
}
