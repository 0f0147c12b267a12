using System.Globalization;
using Augur.Service.Driver;

namespace Augur.Service.Executors.Local;

/// <summary>What this machine offers jobs by default: its processors and its memory (MemTotal of /proc/meminfo), no GPUs.</summary>
public static class LocalMachine
{
    public static long MemoryMegabytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
                {
                    return long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
                }
            }
        }
        catch (IOException)
        {
            // Not Linux, or /proc is hidden: fall through to the runtime's own figure.
        }

        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024);
    }

    public static MachineResources Detect(int? processors = null, long? memoryMegabytes = null, int gpus = 0) =>
        new(processors ?? Environment.ProcessorCount, memoryMegabytes ?? MemoryMegabytes(), gpus);
}
