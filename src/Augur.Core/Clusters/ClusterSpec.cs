namespace Augur.Core.Clusters;

/// <summary>
/// The machine a policy schedules on. For batch HPC traces that is a pool of identical processors, as in
/// the Standard Workload Format's MaxProcs.
/// </summary>
public sealed record ClusterSpec
{
    public ClusterSpec(string name, int processors)
    {
        if (processors <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(processors), processors, "A cluster needs at least one processor.");
        }

        Name = name;
        Processors = processors;
    }

    public string Name { get; }

    public int Processors { get; }

    public static ClusterSpec FromProcessors(int processors) => new($"{processors} processors", processors);
}
