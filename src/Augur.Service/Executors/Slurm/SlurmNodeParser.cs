using System.Globalization;

namespace Augur.Service.Executors.Slurm;

/// <summary>Reads <c>scontrol show nodes -o</c> (NodeName, CPUTot, RealMemory, Gres, State, Partitions) and the default partition from <c>sinfo -h -o %P</c>.</summary>
public static class SlurmNodeParser
{
    private const string Source = "scontrol show nodes -o";

    public static IReadOnlyList<SlurmNode> Parse(string output)
    {
        var nodes = new List<SlurmNode>();
        foreach (var pairs in SlurmKeyValues.ParseLines(output, Source))
        {
            var cpus = pairs.Number("CPUTot");
            if (cpus is < 1 or > int.MaxValue)
            {
                throw SlurmOutputException.At(Source, pairs.Line, "CPUTot", $"expected at least 1 CPU, found {cpus}");
            }

            nodes.Add(new SlurmNode(
                pairs.Required("NodeName"),
                (int)cpus,
                pairs.Number("RealMemory"),
                Gpus(pairs.Optional("Gres"), pairs.Line),
                pairs.Required("State"),
                pairs.Optional("Partitions") is { } partitions ? partitions.Split(',', StringSplitOptions.RemoveEmptyEntries) : []));
        }

        return nodes;
    }

    /// <summary>The partition marked default ('*') in <c>sinfo -h -o %P</c>, or null if none is.</summary>
    public static string? DefaultPartition(string sinfoOutput)
    {
        ArgumentNullException.ThrowIfNull(sinfoOutput);
        foreach (var line in sinfoOutput.Split('\n'))
        {
            var name = line.Trim();
            if (name.Length > 1 && name.EndsWith('*'))
            {
                return name[..^1];
            }
        }

        return null;
    }

    /// <summary>GPUs in a Gres list such as <c>gpu:4</c>, <c>gpu:a100:2(S:0-1),gpu:v100:1</c>; other kinds are not GPUs.</summary>
    private static int Gpus(string? gres, int line)
    {
        if (gres is null)
        {
            return 0;
        }

        var total = 0;
        foreach (var item in gres.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var entry = item.Split('(')[0];
            var parts = entry.Split(':');
            if (parts[0] != "gpu")
            {
                continue;
            }

            if (parts.Length < 2 || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw SlurmOutputException.At(Source, line, "Gres", $"expected gpu[:TYPE]:COUNT, found '{SlurmKeyValues.Shorten(item)}'");
            }

            total += count;
        }

        return total;
    }
}
