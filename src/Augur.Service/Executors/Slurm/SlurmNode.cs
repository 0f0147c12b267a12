namespace Augur.Service.Executors.Slurm;

/// <summary>One node of <c>scontrol show nodes -o</c>: its CPUs (CPUTot), memory (RealMemory, MiB), GPUs (from Gres), state and partitions.</summary>
public sealed record SlurmNode(string Name, int Cpus, long MemoryMegabytes, int Gpus, string State, IReadOnlyList<string> Partitions)
{
    /// <summary>
    /// Whether jobs can be started on it: not down, drained, draining, failing or powered off. A trailing '*'
    /// (not responding) makes it unusable too.
    /// </summary>
    public bool IsUsable
    {
        get
        {
            if (State.EndsWith('*'))
            {
                return false;
            }

            foreach (var flag in State.Split('+'))
            {
                if (flag is "DOWN" or "DRAIN" or "DRAINED" or "DRAINING" or "FAIL" or "FAILING" or "POWERED_DOWN" or "POWER_DOWN" or "POWERING_DOWN" or "NOT_RESPONDING" or "FUTURE" or "UNKNOWN")
                {
                    return false;
                }
            }

            return true;
        }
    }
}
